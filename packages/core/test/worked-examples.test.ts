/**
 * Runs every ```json worked-example block of docs/scoring.md, so that the documented formulas are tested.
 * A block gives `criteria` compactly: { "c1": [["item", points, {extra}], ...], "c2*3": ... } where "*3" is a
 * weight, and a levels-model element is ["id", "L2"].
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { score, toFractionString, parseFraction, reconcile, rankByImprovement } from '../src/index.js';
import type { CriteriaSetItem, CriteriaSetScoring, Exact } from '../src/index.js';
import { assess, binary, element, makeSet, station } from './helpers.js';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'scoring.md'), 'utf8');
const blocks = [...doc.matchAll(/```json worked-example\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));

type Spec = [string, number | string, Partial<CriteriaSetItem>?];

describe('docs/scoring.md worked examples', () => {
  it('has worked examples', () => expect(blocks.length).toBeGreaterThanOrEqual(24));
  for (const b of blocks) {
    it(b.example, () => {
      const toCriteria = (spec: Record<string, Spec[]>) =>
        Object.entries(spec).map(([key, items]) => {
          const [id, w] = key.split('*');
          return {
            id: id!,
            ...(w ? { weight: Number(w) } : {}),
            items: items.map(([iid, p, extra]) =>
              typeof p === 'string' ? element(iid, Number(p.slice(1)), extra) : binary(iid, p, extra),
            ),
          };
        });
      // "criteria" is one section s1; "sections" gives several: { "s1*3": { "c1": [...] } } where "*3" is a weight
      const sections = b.sections
        ? Object.entries(b.sections as Record<string, Record<string, Spec[]>>).map(([key, crit]) => {
            const [id, w] = key.split('*');
            return { id: id!, ...(w ? { weight: Number(w) } : {}), criteria: toCriteria(crit) };
          })
        : [{ id: 's1', criteria: toCriteria(b.criteria as Record<string, Spec[]>) }];
      const set = makeSet(
        sections,
        b.scoring as CriteriaSetScoring,
        b.applicability ? { applicability: b.applicability } : {},
      );
      const facility = { ...station, ...(b.facility ?? {}) };
      for (const [k, v] of Object.entries(facility)) if (v === null) delete (facility as Record<string, unknown>)[k];
      const r = score(set, assess(set, b.answers, facility));
      const e = b.expect;
      if (e.refused) {
        expect(r.ok ? [] : r.errors.map((x) => `${x.code} ${x.pointer}`)).toEqual(e.refused);
        return;
      }
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const v = r.value;
      const n = (s: string) => toFractionString(parseFraction(s));
      const fr = (x?: Exact) => (x ? toFractionString(x) : undefined);
      expect(v.decision).toBe(e.decision);
      if (e.total)
        expect({ points: fr(v.total.points), max: fr(v.total.max) }).toEqual({
          points: n(e.total.points),
          max: n(e.total.max),
        });
      if (e.percent) expect(fr(v.total.percent)).toBe(n(e.percent));
      if (e.meanLevel) expect(fr(v.meanLevel)).toBe(n(e.meanLevel));
      if (e.rating !== undefined) expect(v.rating?.id ?? null).toBe(e.rating);
      if (e.failedRules) expect(v.rules.filter((x) => x.status === 'failed').map((x) => x.kind)).toEqual(e.failedRules);
      if (e.failedKnockouts) expect(v.failedKnockouts).toEqual(e.failedKnockouts);
      if (e.notApplicable) expect(v.notApplicable).toEqual(e.notApplicable);
      if (e.unanswered) expect(v.unanswered).toEqual(e.unanswered);
      if (e.ignoredAnswers) expect(v.ignoredAnswers ?? []).toEqual(e.ignoredAnswers);
      if (e.reasons) expect(v.reasons.map((x) => x.en)).toEqual(e.reasons);
      for (const [id, c] of Object.entries(
        (e.criteria ?? {}) as Record<
          string,
          {
            points?: string;
            max?: string;
            percent?: string;
            level?: number;
            applicable?: boolean;
            levelReason?: string;
          }
        >,
      )) {
        const cr = v.sections.flatMap((s) => s.criteria).find((x) => x.id === id)!;
        if (c.points) expect(fr(cr.score.points)).toBe(n(c.points));
        if (c.max) expect(fr(cr.score.max)).toBe(n(c.max));
        if (c.percent) expect(fr(cr.score.percent)).toBe(n(c.percent));
        if (c.level) expect(cr.level).toBe(c.level);
        if (c.applicable !== undefined) expect(cr.score.applicable).toBe(c.applicable);
        if (c.levelReason) expect(cr.levelReason?.en).toBe(c.levelReason);
      }
    });
  }
});

describe('docs/scoring.md improvement-loop examples', () => {
  const recBlocks = [...doc.matchAll(/```json worked-reconcile\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
  const rankBlocks = [...doc.matchAll(/```json worked-rank\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
  it('has loop examples', () => expect(recBlocks.length + rankBlocks.length).toBeGreaterThanOrEqual(2));
  for (const b of recBlocks) {
    it(b.example, () => {
      const set = makeSet([
        {
          id: 's1',
          criteria: [{ id: 'k', items: (b.self as string[]).map((_, i) => binary(`i${i}`, 1, { naAllowed: true })) }],
        },
      ]);
      const toAns = (vals: string[]) =>
        Object.fromEntries(vals.map((v, i) => [`i${i}`, v === 'na' ? { na: true } : v]));
      const sc = (vals: string[]) => {
        const a = assess(set, toAns(vals));
        const r = score(set, a);
        if (!r.ok) throw new Error('score');
        return { set, assessment: a, result: r.value };
      };
      const r = reconcile(sc(b.self), sc(b.inspection));
      if (!r.ok) throw new Error('reconcile');
      expect(toFractionString(r.value.agreementRate!)).toBe(b.expect.agreementRate);
      expect(toFractionString(r.value.kappa!)).toBe(b.expect.kappa);
      expect(r.value.disagreements.map((d) => d.id)).toEqual(b.expect.disagreements);
    });
  }
  for (const b of rankBlocks) {
    it(b.example, () => {
      const items = Array.from({ length: 100 }, (_, i) => binary(`i${i}`, 1));
      const set = makeSet([{ id: 's1', criteria: [{ id: 'k', items }] }]);
      const entries = (['baseline', 'followup'] as const).flatMap((round) =>
        Object.entries(b[round] as Record<string, number>).map(([fid, pct]) => {
          const ans = Object.fromEntries(items.map((it, i) => [it.id, i < pct ? 'met' : 'not-met']));
          const a = {
            ...assess(set, ans, { ...station, id: fid, name: fid }),
            id: `${fid}-${round}`,
            round: { id: round },
          };
          const r = score(set, a);
          if (!r.ok) throw new Error('score');
          return { set, assessment: a, result: r.value };
        }),
      );
      const r = rankByImprovement(entries, 'baseline', 'followup', b.by);
      expect(r.rows.map((x) => [x.facilityId, toFractionString(x.gain), toFractionString(x.gapClosed)])).toEqual(
        b.expect.rows,
      );
      expect(r.alreadyFull.map((x) => x.facilityId)).toEqual(b.expect.alreadyFull);
    });
  }
});
