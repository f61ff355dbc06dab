/**
 * Signature blocks: the assessor and the head of the facility always, plus any other signatory; the signature
 * image when the app captured one, else room to sign by hand.
 */
import type { Assessment } from '@tieuchi/core';
import type { Content } from 'pdfmake/interfaces.js';
import { COLOR, type SetIndex } from './context.js';
import type { ImageTable } from './photos.js';
import { date } from './text.js';

type Signature = NonNullable<Assessment['signatures']>[number];

/** The blocks to print: every signature, with an assessor and a facility head added when missing. */
export function signatories(a: Assessment | undefined): Array<Partial<Signature> & Pick<Signature, 'role'>> {
  const list: Array<Partial<Signature> & Pick<Signature, 'role'>> = [...(a?.signatures ?? [])];
  if (!list.some((s) => s.role === 'assessor'))
    list.unshift({ role: 'assessor', ...(a?.assessors?.[0] ? { name: a.assessors[0].name } : {}) });
  if (!list.some((s) => s.role === 'facility-head')) list.splice(1, 0, { role: 'facility-head' });
  return list;
}

function block(
  ix: SetIndex,
  s: Partial<Signature> & Pick<Signature, 'role'>,
  images: ImageTable | undefined,
  lang: SetIndex['lang'],
): Content {
  const key = s.image && images ? images.key(s.image) : undefined;
  return {
    stack: [
      { text: ix.say(`signRole.${s.role}`).toUpperCase(), bold: true, alignment: 'center' },
      { text: ix.say('sign.hint'), style: 'small', alignment: 'center' },
      key
        ? { image: key, fit: [160, 60], alignment: 'center', margin: [0, 4, 0, 4] }
        : { text: '', margin: [0, 0, 0, 62] },
      { text: s.name ?? '', bold: true, alignment: 'center' },
      s.signedAt
        ? { text: `${ix.say('sign.signed-at')} ${date(s.signedAt, lang)}`, style: 'small', alignment: 'center' }
        : '',
    ],
    unbreakable: true,
    margin: [0, 0, 0, 14],
  };
}

/** Signature blocks, two per row. */
export function signatureBlocks(ix: SetIndex, a: Assessment | undefined, images?: ImageTable): Content[] {
  const blocks = signatories(a).map((s) => block(ix, s, images, ix.lang));
  const rows: Content[] = [];
  for (let i = 0; i < blocks.length; i += 2)
    rows.push({ columns: [blocks[i]!, blocks[i + 1] ?? { text: '' }], columnGap: 20 });
  // The heading rides in the same unbreakable block as the signatures: never alone at the foot of a page.
  return [
    {
      stack: [{ text: ix.say('sign.title'), style: 'h2', margin: [0, 16, 0, 8], color: COLOR.ink }, ...rows],
      unbreakable: true,
    },
  ];
}
