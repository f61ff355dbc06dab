import readXlsxFile from 'read-excel-file/universal';

/** A cell as read: text, a number, a boolean, a date, or `null` for an empty cell. */
export type ReadCell = string | number | boolean | Date | null;

/** One sheet as read: its name and its rows of cells, top to bottom (row 1 first). */
export interface ReadSheet {
  name: string;
  rows: ReadCell[][];
}

/** A row without its trailing empty cells (the reader pads every row to the widest). */
function trimEnd(row: ReadCell[]): ReadCell[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return row.slice(0, end);
}

/**
 * Every sheet of an XLSX file, as rows of cells (trailing empty cells left out). A file that is not an XLSX workbook is refused with the
 * library's error (a zip or XML problem), which the caller turns into a message naming the file.
 */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ReadSheet[]> {
  const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
  const sheets = await readXlsxFile(buffer as ArrayBuffer);
  return sheets.map((s) => ({
    name: s.sheet,
    rows: s.data.map((row) => trimEnd(row.map((c) => (typeof c === 'string' ? c.normalize('NFC') : (c as ReadCell))))),
  }));
}
