/**
 * What every page carries: page size and margins, fonts and styles, a header (from page 2), and a footer with
 * "Trang x/y" and, for a locked assessment, its content hash.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLOR, STYLES } from './context.js';
import { say } from './messages.js';

export interface FrameText {
  title: string;
  header: string;
  /** Shown in every footer: the content hash of a locked assessment, or nothing. */
  footerLeft?: string;
  lang: 'vi' | 'en';
}

/** The page frame around `content`. Strings are NFC-normalised here because header and footer are functions. */
export function frame(content: Content[], images: Record<string, string>, f: FrameText): TDocumentDefinitions {
  const header = f.header.normalize('NFC');
  const left = (f.footerLeft ?? '').normalize('NFC');
  return {
    info: { title: f.title.normalize('NFC'), creator: 'Tiêu Chí', producer: 'Tiêu Chí (pdfmake)' },
    language: f.lang,
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 42, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, color: COLOR.ink },
    styles: STYLES,
    images,
    content,
    header: (page: number) =>
      page === 1 ? { text: '' } : { text: header, fontSize: 7.5, color: COLOR.muted, margin: [40, 18, 40, 0] },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: left, fontSize: 6.5, color: COLOR.muted, width: '*' },
        {
          text: say(f.lang, 'frame.page', { x: page, y: pages }).normalize('NFC'),
          fontSize: 8,
          alignment: 'right',
          width: 70,
        },
      ],
      margin: [40, 12, 40, 0],
    }),
  } as TDocumentDefinitions;
}
