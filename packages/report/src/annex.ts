/**
 * The evidence annex: every photo named by an answer, in the order of the set, two side by side, two rows a page
 * (four photos a page; pdfmake `fit`: the image keeps its pixels, so pass photos already downscaled, see
 * REPORT_PHOTO_SIDE).
 */
import type { Content } from 'pdfmake/interfaces.js';
import { COLOR, itemCode, type Ctx } from './context.js';
import type { ImageTable } from './photos.js';
import { date } from './text.js';

const FIT: [number, number] = [250, 300];

/** The annex (starts on a new page), or nothing when no answer names a photo. */
export function annex(ctx: Ctx, images: ImageTable): Content[] {
  const { say, set, assessment } = ctx;
  const blocks: Content[] = [];
  for (const section of set.sections) {
    for (const c of section.criteria) {
      for (const item of c.items) {
        for (const hash of assessment.answers[item.id]?.evidence ?? []) {
          const key = images.key(hash);
          const head = { text: [{ text: `${itemCode(item)}  `, bold: true }, ctx.t(item.text)], fontSize: 8.5 };
          if (!key) {
            blocks.push({
              stack: [
                head,
                { text: say('annex.photo-missing', { hash: hash.slice(0, 12) }), style: 'small', color: COLOR.fail },
              ],
              margin: [0, 0, 0, 10],
              unbreakable: true,
            });
            continue;
          }
          const p = images.get(hash)!;
          const caption = [p.caption, p.capturedAt ? date(p.capturedAt, ctx.lang) : ''].filter(Boolean).join(' — ');
          blocks.push({
            stack: [
              { image: key, fit: FIT, alignment: 'center' },
              { ...head, margin: [0, 3, 0, 0] },
              caption ? { text: caption, style: 'small', italics: true } : '',
            ],
            margin: [0, 0, 0, 12],
            unbreakable: true,
          });
        }
      }
    }
  }
  if (!blocks.length) return [];
  const rows: Content[] = [];
  for (let i = 0; i < blocks.length; i += 2)
    rows.push({ columns: [blocks[i]!, blocks[i + 1] ?? { text: '' }], columnGap: 15, unbreakable: true } as Content);
  return [{ text: say('annex.title'), style: 'h1', pageBreak: 'before' }, ...rows];
}
