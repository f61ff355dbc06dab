import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../src/builder/tc-builder-table-import.js';
import type { TcBuilderTableImport } from '../src/builder/tc-builder-table-import.js';
import type { CriteriaSet } from '../src/core.js';
import { mount, shadowText } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const base = JSON.parse(
  readFileSync(join(root, 'criteria', 'qd6858-hospital-quality-subset@2016.2.json'), 'utf8'),
) as CriteriaSet;

async function panel(): Promise<TcBuilderTableImport> {
  const el = document.createElement('tc-builder-table-import') as TcBuilderTableImport;
  el.sets = new Map([[`${base.id}@${base.version}`, base]]);
  await mount(el);
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('<tc-builder-table-import>', () => {
  it('previews every row and every problem (row, column, message) and offers no draft while there is one', async () => {
    const el = await panel();
    const csv = 'Mã,Mức,Nội dung\nA1.1-1.1,1,Biển tên <b>bệnh viện</b>\nA1.1-1.2,2,Sai mức\nA1.1-1.3,1,\n';
    el.chooseBase('');
    const r = await el.preview(new File([csv], 'bang.csv'), { map: 'code=A,level=B,text=C', document: '6858/QĐ-BYT' });
    await el.updateComplete;
    expect(r?.ok).toBe(false);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('tr[data-row]')).toHaveLength(3);
    expect([...root.querySelectorAll('[data-problem-row]')].map((li) => li.getAttribute('data-problem-row'))).toEqual([
      '0',
      '3',
      '4',
    ]); // no version given, a level that contradicts the code, a missing text
    expect(shadowText(el)).toContain('Dòng 3, Cột B (level)');
    expect(root.querySelector('[data-action="table-create"]')).toBeNull();
    // Cell text is text, never markup.
    expect(root.querySelector('td b')).toBeNull();
    expect(shadowText(el)).toContain('Biển tên <b>bệnh viện</b>');
  });

  it('turns a valid table into a new version of the chosen set and hands it to the builder', async () => {
    const el = await panel();
    el.chooseBase(`${base.id}@${base.version}`);
    // One criterion, one official element per level (codes give criterion and level).
    const csv = 'Mã,Nội dung\n' + [1, 2, 3, 4, 5].map((l) => `A1.1-${l}.${l},Phần tử mức ${l}`).join('\n');
    const r = await el.preview(new File([csv], 'a11.csv'), {
      map: 'code=A,text=B',
      document: '6858/QĐ-BYT',
      address: 'https://example.org/6858',
    });
    if (r && !r.ok) throw new Error(r.problems.map((p) => p.message.en).join('; '));
    await el.updateComplete;
    expect(r?.ok).toBe(true);
    let got: CriteriaSet | undefined;
    el.addEventListener('table-imported', (e) => (got = (e as CustomEvent<CriteriaSet>).detail));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="table-create"]')!.click();
    expect(got?.id).toBe(base.id);
    expect(got?.version).not.toBe(base.version);
    const items = got?.sections.flatMap((s) => s.criteria.flatMap((c) => c.items)) ?? [];
    expect(items.map((i) => [i.level, i.provenance.wording])).toEqual([1, 2, 3, 4, 5].map((l) => [l, 'official']));
    // The criterion keeps its (official) title from the base set.
    expect(got?.sections[0]!.criteria[0]!.title.vi).toBe(base.sections[0]!.criteria[0]!.title.vi);
  });
});
