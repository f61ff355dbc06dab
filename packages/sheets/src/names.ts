/** The media type of an XLSX file (for downloads and HTTP answers). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A sheet (tab) name Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, not blank, and not used by an
 * earlier sheet of the same workbook (`taken`, compared case-insensitively as Excel does).
 */
export function sheetName(wanted: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; lower.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  return name;
}
