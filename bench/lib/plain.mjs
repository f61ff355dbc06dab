/**
 * The ceiling: a plain hand-written loop over a precomputed table, as fast as this scoring can be done in
 * JavaScript without explanations. Same model (N/A out of points and maximum; unanswered in the maximum and
 * incomplete), same pass rules, but floats and no result document: only totals and the decision.
 */
import { responseMax } from './synthetic.mjs';

/** Precomputes, per criterion, each item's id, maximum, N/A flag, knockout flag and answer-to-points lookup. */
export function plainTable(set) {
  const criteria = [];
  for (const s of set.sections) {
    for (const c of s.criteria) {
      criteria.push(
        c.items.map((it) => {
          const r = it.response;
          const points = Object.create(null);
          if (r.kind === 'binary') Object.assign(points, { met: r.points, 'not-met': 0 });
          else if (r.kind === 'graded')
            Object.assign(points, { met: r.points, partial: r.partialPoints, 'not-met': 0 });
          else if (r.kind === 'choice') for (const o of r.options) points[o.id] = o.points;
          return {
            id: it.id,
            max: responseMax(r),
            points,
            bands: r.kind === 'numeric' ? r.bands : null,
            knockout: it.knockout === true,
          };
        }),
      );
    }
  }
  return criteria;
}

/** Scores one assessment's answers with the table: total points, maximum and the decision. */
export function plainScore(table, answers) {
  let points = 0;
  let max = 0;
  let unanswered = 0;
  let failed = false;
  for (let c = 0; c < table.length; c++) {
    const items = table[c];
    let cp = 0;
    let cm = 0;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const a = answers[it.id];
      if (a !== undefined && a.na === true) continue;
      cm += it.max;
      if (a === undefined || a.value === undefined) {
        unanswered++;
        continue;
      }
      const v = a.value;
      let p = 0;
      if (it.bands === null) p = it.points[v];
      else for (let b = 0; b < it.bands.length && it.bands[b].min <= v; b++) p = it.bands[b].points;
      if (it.knockout && p !== it.max) failed = true;
      cp += p;
    }
    points += cp;
    max += cm;
    if (cm > 0 && cp * 2 < cm) failed = true;
  }
  if (points * 5 < max * 4) failed = true;
  return { points, max, decision: unanswered ? 'incomplete' : failed ? 'fail' : 'pass' };
}
