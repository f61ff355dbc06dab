/**
 * CSV for spreadsheets (the CLI's --csv and the app's exports share it): UTF-8 with a byte-order mark so Excel
 * shows Vietnamese, CRLF line ends.
 *
 * Formula guard: a spreadsheet may split a line on `,`, `;`, tab or `|` (by locale or by the user's choice), so a
 * text field is neutralised wherever a cell could begin under ANY of those separators: at its start and right
 * after each separator or line break, an `=`, `+`, `-`, `@` (or their full-width forms), optionally after spaces,
 * gets a `'` before it, and a field starting with a tab or carriage return gets one too. `Trạm X;=HYPERLINK(A1)`
 * becomes `"Trạm X;'=HYPERLINK(A1)"`. A field containing any separator, a quote or a line break is quoted.
 * Numbers (typed as numbers) are written as they are.
 */
const CELL_START = /(^|[,;\t|\r\n])([ \u00a0]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])/g;

/** One CSV field, neutralised and quoted as described above. */
export function csvField(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (typeof v === 'string') {
    s = s.replace(CELL_START, "$1$2'");
    if (/^[\t\r]/.test(s)) s = `'${s}`;
  }
  return /[",;\t|\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: header and rows, every field through {@link csvField}. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
