/**
 * buildWarmUp: a small document that runs the code a report's render runs (the page frame with its header and
 * footer, the report's styles, a table over a page break with the report's rules, the four Roboto styles,
 * Vietnamese text, an inline JPEG), made once on a device ahead of the first report so that its render finds
 * pdfmake's, pdfkit's and fontkit's code compiled (ADR 0022). Its text is ours and says nothing about any facility.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLOR, TABLE_LAYOUT } from './context.js';
import { frame } from './frame.js';

/** A 16 × 16 px JPEG (made with jpeg-js at quality 70): exercises the JPEG path without weighing anything. */
const JPEG =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIfIiEmKzcvJik0KSEiMEExNDk7Pj4+JS5ESUM8SDc9PjsBCgsLDg0OHBAQHDsoIig7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O//AABEIABAAEAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AJYVrCVAigy/Ctc0qB7NBlaFa+ilQPBoMvwrXPKge1QZ/9k=';

const LINE = 'Trạm Y tế xã có đủ nước sạch, nhà vệ sinh và nơi thu gom chất thải y tế; sổ sách ghi chép đầy đủ.';
const STYLE = [{}, { bold: true }, { italics: true }, { bold: true, italics: true }] as const;

/**
 * The warm-up document: `rows` table rows (40 by default: two pages).
 * @param rows how many rows its table has
 */
export function buildWarmUp(rows = 40): TDocumentDefinitions {
  const body: TableCell[][] = [
    [
      { text: 'Mã', style: 'th' },
      { text: 'Nội dung', style: 'th' },
      { text: 'Điểm', style: 'th', alignment: 'right' },
    ],
  ];
  for (let i = 0; i < rows; i++)
    body.push([
      { text: `A${i + 1}`, style: 'cell', ...STYLE[i % 4] },
      {
        text: [
          { text: `${LINE} `, ...STYLE[(i + 1) % 4] },
          { text: 'Ghi chú.', style: 'small' },
        ],
        style: 'cell',
      },
      { text: `${i % 3}/2`, style: 'cell', alignment: 'right', ...(i % 5 ? {} : { fillColor: COLOR.band }) },
    ]);
  const content: Content[] = [
    { text: 'Tiêu Chí — khởi động', style: 'title' },
    {
      columns: [
        { text: 'Kết quả', style: 'label', width: 80 },
        { text: '12/20 (60 %)', style: 'big', width: '*' },
      ],
    },
    { table: { headerRows: 1, widths: [30, '*', 36], body }, layout: TABLE_LAYOUT },
    {
      columns: [
        { image: 'w', width: 120 },
        { text: 'Ảnh 1', style: 'small', width: '*' },
      ],
      margin: [0, 8, 0, 0],
    },
  ];
  return frame(content, { w: JPEG }, { title: 'Tiêu Chí', header: 'Tiêu Chí', footerLeft: 'khởi động', lang: 'vi' });
}
