/** CSV comes from core (`toCsv`, shared with the CLI); the download is the app's. */
export { toCsv } from '@tieuchi/core';

/** Offers `text` as a download named `name` (works offline: a Blob URL, no server). */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
