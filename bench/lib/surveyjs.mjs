/**
 * The same scoring done the way a developer would with SurveyJS (survey-core, MIT): one question per item and
 * the points computed by survey-core's own expression engine.
 *
 * Why expression questions: SurveyJS's documented way to show a running score is an `expression` question
 * whose `expression` sums `iif()` terms over the answers; survey-core re-evaluates it whenever data changes and
 * stores the value in `survey.data`, so the total is read back with `survey.getValue('total_pts')`. (The other
 * common pattern, a custom `score` property on choices summed in JavaScript on complete, would not be
 * survey-core doing the scoring.) Here each criterion has two hidden expression questions (points and
 * applicable maximum), and a results page sums them and computes the pass decision with the same rules as the
 * set: total >= 80 %, each criterion >= 50 %, no failed knockout, and `incomplete` when anything is unanswered.
 *
 * Our model, mirrored exactly: N/A removes an item from both points and maximum; an unanswered item earns 0 but
 * stays in the maximum and makes the result incomplete. N/A is an extra `na` choice on radiogroup / dropdown
 * questions; a numeric item that allows N/A gets a companion boolean question `<id>_na`.
 */
import { itemsOf, responseMax } from './synthetic.mjs';

const q = (name) => `{${name}}`;

/** `iif` chain: points earned by the answer of item `it` (0 when unanswered or N/A). */
function pointsExpr(it) {
  const r = it.response;
  const v = q(it.id);
  switch (r.kind) {
    case 'binary':
      return `iif(${v} = 'met', ${r.points}, 0)`;
    case 'graded':
      return `iif(${v} = 'met', ${r.points}, iif(${v} = 'partial', ${r.partialPoints}, 0))`;
    case 'choice':
      return r.options.reduceRight(
        (acc, o) => (o.points === 0 ? acc : `iif(${v} = '${o.id}', ${o.points}, ${acc})`),
        '0',
      );
    case 'numeric':
      return numericExpr(it);
  }
  throw new Error(`unknown kind ${r.kind}`);
}

/** Numeric bands are [min, next min): the chain tests the highest band first; an empty value compares false. */
function numericExpr(it) {
  const v = q(it.id);
  const bands = it.response.bands;
  let e = '0';
  for (const b of bands) if (b.points !== 0 || e !== '0') e = `iif(${v} >= ${b.min}, ${b.points}, ${e})`;
  return e;
}

const naTest = (it) => (it.response.kind === 'numeric' ? `${q(`${it.id}_na`)} = true` : `${q(it.id)} = 'na'`);

function itemPoints(it) {
  const p = pointsExpr(it);
  return it.naAllowed && it.response.kind === 'numeric' ? `iif(${naTest(it)}, 0, ${p})` : p;
}

function itemMax(it) {
  const m = responseMax(it.response);
  return it.naAllowed ? `iif(${naTest(it)}, 0, ${m})` : String(m);
}

function itemUnanswered(it) {
  const empty = `${q(it.id)} empty`;
  return it.naAllowed && it.response.kind === 'numeric'
    ? `iif(${empty} and ${q(`${it.id}_na`)} empty, 1, 0)`
    : `iif(${empty}, 1, 0)`;
}

function itemQuestions(it) {
  const r = it.response;
  const base = { name: it.id, title: it.text.vi };
  if (r.kind === 'numeric') {
    const qs = [{ ...base, type: 'text', inputType: 'number', min: r.min, max: r.max }];
    if (it.naAllowed) qs.push({ type: 'boolean', name: `${it.id}_na`, title: 'Không áp dụng' });
    return qs;
  }
  const values =
    r.kind === 'choice'
      ? r.options.map((o) => ({ value: o.id, text: o.label.vi }))
      : r.kind === 'graded'
        ? ['met', 'partial', 'not-met']
        : ['met', 'not-met'];
  const choices = it.naAllowed ? [...values, { value: 'na', text: 'Không áp dụng' }] : values;
  return [{ ...base, type: r.kind === 'choice' ? 'dropdown' : 'radiogroup', choices }];
}

const hidden = (name, expression) => ({ type: 'expression', name, expression, visible: false });

/** The survey JSON: a page per section, a question per item, expression questions for the scoring. */
export function surveyJson(set) {
  const pages = [];
  const crit = [];
  const knockouts = [];
  const unanswered = [];
  for (const s of set.sections) {
    const elements = [];
    for (const c of s.criteria) {
      for (const it of c.items) {
        elements.push(...itemQuestions(it));
        unanswered.push(itemUnanswered(it));
        if (it.knockout) knockouts.push(`iif(${q(it.id)} = 'not-met', 1, 0)`);
      }
      elements.push(hidden(`${c.id}_pts`, c.items.map(itemPoints).join(' + ')));
      elements.push(hidden(`${c.id}_max`, c.items.map(itemMax).join(' + ')));
      crit.push(c.id);
    }
    pages.push({ name: s.id, title: s.title.vi, elements });
  }
  const sum = (suffix) => crit.map((id) => q(`${id}_${suffix}`)).join(' + ');
  const critOk = crit
    .map((id) => `iif(${q(`${id}_max`)} = 0 or ${q(`${id}_pts`)} * 2 >= ${q(`${id}_max`)}, 1, 0)`)
    .join(' + ');
  pages.push({
    name: 'result',
    elements: [
      hidden('total_pts', sum('pts')),
      hidden('total_max', sum('max')),
      hidden('unanswered', unanswered.join(' + ')),
      hidden('ko_failed', knockouts.join(' + ') || '0'),
      hidden('crit_ok', critOk),
      hidden(
        'decision',
        `iif({unanswered} > 0, 'incomplete', iif({total_pts} * 5 >= {total_max} * 4 and {crit_ok} = ${crit.length} and {ko_failed} = 0, 'pass', 'fail'))`,
      ),
    ],
  });
  return { title: set.title.vi, pages };
}

/** An assessment's answers in SurveyJS data form (done once, untimed: a SurveyJS app would store this form). */
export function toSurveyData(set, assessment) {
  const data = {};
  for (const it of itemsOf(set)) {
    const a = assessment.answers[it.id];
    if (!a) continue;
    if (a.na === true) {
      if (it.response.kind === 'numeric') data[`${it.id}_na`] = true;
      else data[it.id] = 'na';
    } else if (a.value !== undefined) data[it.id] = a.value;
  }
  return data;
}

/** The totals survey-core computed, read back from the model. */
export function readTotals(model) {
  return {
    points: model.getValue('total_pts'),
    max: model.getValue('total_max'),
    decision: model.getValue('decision'),
  };
}
