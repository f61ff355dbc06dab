import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSet } from '../core.js';
import { LocaleController, loc, t } from '../i18n.js';
import { bt } from './messages.js';
import { editEvent, errors, fid, locField, numberField, selectField, textField, type FieldCtx } from './fields.js';
import { ptr } from './pointer.js';
import { problemsAt, type ProblemIndex } from './problems.js';
import { removeIcon } from './icons.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';
import { nt } from '../shell/new-messages.js';

type Scoring = CriteriaSet['scoring'];
type Rule = NonNullable<Scoring['passRules']>[number];
type RuleKind = Rule['kind'];

const RULE_KINDS: RuleKind[] = [
  'total-percent-at-least',
  'each-criterion-percent-at-least',
  'each-section-percent-at-least',
  'criterion-percent-at-least',
  'no-failed-knockout',
  'mean-level-at-least',
  'each-criterion-level-at-least',
];

/** A new rule of a kind with a common threshold, for the author to adjust. */
export function defaultRule(kind: RuleKind, firstCriterion = 'c1'): Rule {
  switch (kind) {
    case 'total-percent-at-least':
    case 'each-criterion-percent-at-least':
    case 'each-section-percent-at-least':
      return { kind, percent: kind === 'total-percent-at-least' ? 80 : 50 };
    case 'criterion-percent-at-least':
      return { kind, criterion: firstCriterion, percent: 50 };
    case 'no-failed-knockout':
      return { kind };
    case 'mean-level-at-least':
    case 'each-criterion-level-at-least':
      return { kind, level: 3 };
  }
}

/**
 * How the set scores: model, aggregation, stated maximum, levels; the pass rules (all must hold), each with
 * its threshold, zone thresholds or criterion; the rating bands (xếp loại) by lower bound.
 *
 * @fires builder-edit - `{ pointer, value }` for every change
 */
@customElement('tc-builder-scoring')
export class TcBuilderScoring extends LitElement {
  static override styles = [shared, builderStyles, css`:host { display: block; } h4 { margin: 8px 0 0; }`];

  /** The set being authored. */
  @property({ attribute: false }) set!: CriteriaSet;
  /** core's problems by field pointer. */
  @property({ attribute: false }) problems: ProblemIndex = new Map();

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const sc = this.set.scoring;
    const ctx: FieldCtx = {
      problems: this.problems,
      emit: (pointer, value) => this.dispatchEvent(editEvent(pointer, value)),
    };
    const rules = sc.passRules ?? [];
    const criteria = this.set.sections.flatMap((s) => s.criteria);
    return html`<div class="stack">
      <div class="grid2">
        ${selectField(
          ctx,
          bt('b.model'),
          '/scoring/model',
          sc.model,
          (['points', 'levels'] as const).map((v) => [v, bt(`b.model.${v}`)] as const),
          { attr: 'model' },
        )}
        ${selectField(
          ctx,
          bt('b.aggregation'),
          '/scoring/aggregation',
          sc.aggregation,
          (['sum', 'mean-of-percentages'] as const).map((v) => [v, bt(`b.agg.${v}`)] as const),
          { attr: 'aggregation' },
        )}
        ${numberField(ctx, bt('b.setMaxPoints'), '/scoring/maxPoints', sc.maxPoints, { optional: true, attr: 'set-max-points' })}
        ${sc.model === 'levels' || sc.levels !== undefined ? numberField(ctx, bt('b.levels'), '/scoring/levels', sc.levels, { optional: true }) : nothing}
      </div>

      <h4>${t('score.rules')}</h4>
      <p class="muted">${bt('b.rulesHint')}</p>
      ${errors(problemsAt(this.problems, '/scoring/passRules'), `${fid('/scoring/passRules')}-err`)}
      ${rules.map((r, i) =>
        this._rule(
          ctx,
          r,
          i,
          criteria.map((c) => [c.id, `${c.code ? `${c.code} ` : ''}${loc(c.title) || c.id}`] as const),
        ),
      )}
      <div class="row">
        <button @click=${() => ctx.emit('/scoring/passRules', [...rules, defaultRule('total-percent-at-least')])} data-action="add-rule">+ ${bt('b.rule')}</button>
      </div>

      <h4>${t('score.rating')}</h4>
      ${sc.rating ? this._rating(ctx, sc.rating) : html`<div><button @click=${() => ctx.emit('/scoring/rating', { metric: 'percent', bands: [{ id: 'dat', label: { vi: 'Đạt', en: 'Pass' }, min: 0 }] })} data-action="add-rating">+ ${bt('b.addRating')}</button></div>`}
    </div>`;
  }

  private _rule(ctx: FieldCtx, r: Rule, i: number, criteria: (readonly [string, string])[]) {
    const p = ptr('/scoring/passRules', i);
    const kinds = RULE_KINDS.map((k) => [k, bt(`b.rk.${k}`)] as const);
    const hasPercent = 'percent' in r;
    const zoneField = (z: '1' | '2' | '3') => {
      const by = 'byZone' in r ? r.byZone : undefined;
      return numberField(
        { ...ctx, emit: (_pp, v) => ctx.emit(ptr(p, 'byZone'), pruneZones({ ...by, [z]: v })) },
        `${nt('new.zone')} ${z} (%)`,
        ptr(p, 'byZone', z),
        by?.[z],
        { optional: true },
      );
    };
    return html`<div class="entry" data-rule=${i}>
      <div class="entry-head">
        <strong>${bt('b.rule')} ${i + 1}</strong>
        <button class="icon-btn danger" aria-label=${bt('b.remove', { name: `${bt('b.rule')} ${i + 1}` })} @click=${() => ctx.emit(p, undefined)}>${removeIcon}</button>
      </div>
      ${selectField(ctx, bt('b.ruleKind'), ptr(p, 'kind'), r.kind, kinds, {
        attr: 'rule-kind',
        onChange: (k) => k && k !== r.kind && ctx.emit(p, defaultRule(k as RuleKind, criteria[0]?.[0])),
      })}
      <div class="grid2">
        ${r.kind === 'criterion-percent-at-least' ? selectField(ctx, t('results.criterion'), ptr(p, 'criterion'), r.criterion, criteria) : nothing}
        ${hasPercent ? numberField(ctx, bt('b.percent'), ptr(p, 'percent'), r.percent, { attr: 'rule-percent' }) : nothing}
        ${'level' in r ? numberField(ctx, bt('b.level'), ptr(p, 'level'), r.level) : nothing}
      </div>
      ${hasPercent ? html`<div class="grid2" aria-label=${bt('b.byZone')}>${zoneField('1')} ${zoneField('2')} ${zoneField('3')}</div>` : nothing}
    </div>`;
  }

  private _rating(ctx: FieldCtx, rating: NonNullable<Scoring['rating']>) {
    const bp = '/scoring/rating/bands';
    return html`<div class="stack">
      <div class="row">
        ${selectField(
          ctx,
          bt('b.metric'),
          '/scoring/rating/metric',
          rating.metric,
          (['points', 'percent', 'mean-level'] as const).map((v) => [v, bt(`b.metric.${v}`)] as const),
          { attr: 'rating-metric' },
        )}
        <button class="danger" @click=${() => ctx.emit('/scoring/rating', undefined)}>${bt('b.removeRating')}</button>
      </div>
      <p class="muted">${bt('b.bandsRatingHint')}</p>
      ${errors(problemsAt(this.problems, bp), `${fid(bp)}-err`)}
      ${rating.bands.map(
        (b, i) => html`<div class="entry" data-rating-band=${i}>
          <div class="entry-head">
            <strong>${loc(b.label) || `${bt('b.band')} ${i + 1}`}</strong>
            <button class="icon-btn danger" ?disabled=${rating.bands.length <= 1} aria-label=${bt('b.remove', { name: `${bt('b.band')} ${i + 1}` })} @click=${() => ctx.emit(ptr(bp, i), undefined)}>${removeIcon}</button>
          </div>
          <div class="grid2">
            ${textField(ctx, bt('b.id'), ptr(bp, i, 'id'), b.id)}
            ${numberField(ctx, bt('b.bandFrom'), ptr(bp, i, 'min'), b.min)}
          </div>
          ${locField(ctx, bt('b.label'), ptr(bp, i, 'label'), b.label)}
        </div>`,
      )}
      <div>
        <button @click=${() => ctx.emit(bp, [...rating.bands, { id: `band${rating.bands.length + 1}`, label: { vi: '' }, min: Number(rating.bands[rating.bands.length - 1]?.min ?? 0) + 1 }])} data-action="add-rating-band">+ ${bt('b.band')}</button>
      </div>
    </div>`;
  }
}

/** Zone thresholds without the empty ones; undefined when none is left. */
function pruneZones(by: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(by).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? out : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-scoring': TcBuilderScoring;
  }
}
