/**
 * The scoring rule of a set in words: the model, how scores combine, each pass rule, the rating bands.
 * Printed on the blank score sheet so a paper assessment can be scored by hand.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { CriteriaSetPassRule } from '@tieuchi/core';

type CriteriaSetPercentByZone = Extract<CriteriaSetPassRule, { kind: 'total-percent-at-least' }>['byZone'];
import type { SetIndex } from './context.js';

function percent(p: number, byZone: CriteriaSetPercentByZone | undefined, ix: SetIndex): string {
  const zones = Object.entries(byZone ?? {}).map(([z, v]) => `${ix.say('cover.zone').toLowerCase()} ${z}: ${v}%`);
  return zones.length ? `${p} (${ix.say('rules.by-zone')}: ${zones.join(', ')})` : String(p);
}

/** One pass rule in words. */
export function ruleText(ix: SetIndex, r: CriteriaSetPassRule): string {
  switch (r.kind) {
    case 'total-percent-at-least':
    case 'each-criterion-percent-at-least':
    case 'each-section-percent-at-least':
      return ix.say(`ruleText.${r.kind}`, { p: percent(r.percent, r.byZone, ix) });
    case 'criterion-percent-at-least': {
      const c = ix.criterion.get(r.criterion);
      return ix.say(`ruleText.${r.kind}`, {
        p: percent(r.percent, r.byZone, ix),
        c: c ? `${c.code ?? c.id} (${ix.t(c.title)})` : r.criterion,
      });
    }
    case 'no-failed-knockout':
      return ix.say(`ruleText.${r.kind}`);
    case 'mean-level-at-least':
    case 'each-criterion-level-at-least':
      return ix.say(`ruleText.${r.kind}`, { l: r.level });
  }
}

/** The scoring rule section. */
export function scoringRule(ix: SetIndex): Content[] {
  const { say, set } = ix;
  const s = set.scoring;
  const lines: Content[] = [
    { text: say(`model.${s.model}`, { n: s.levels ?? 5 }) },
    ...(s.model === 'points' ? [{ text: say(`aggregation.${s.aggregation}`) }] : []),
    ...(s.maxPoints !== undefined
      ? [{ text: `${say('word.max-points')}: ${s.maxPoints} ${say('rules.points-unit')}` }]
      : []),
  ];
  if (s.passRules?.length) lines.push({ ul: s.passRules.map((r) => ruleText(ix, r)), margin: [0, 2, 0, 2] });
  else lines.push({ text: say('rules.none') });
  if (s.rating) {
    lines.push({ text: `${say('rules.rating-bands')}:`, margin: [0, 2, 0, 0] });
    lines.push({ ul: s.rating.bands.map((b) => `${ix.t(b.label)} — ${say('rules.from')} ${b.min}`) });
  }
  return [
    { text: say('rules.title'), style: 'h2' },
    { stack: lines, fontSize: 8.5 },
  ];
}
