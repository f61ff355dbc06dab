/**
 * CSV for spreadsheets (the CLI's --csv and the app's exports share it): UTF-8 with a byte-order mark so Excel shows Vietnamese, CRLF line ends, every field quoted
 * when it needs to be. A field that starts with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const cell = (v: string | number | undefined): string => {
    let s = v === undefined ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
