import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Assessment, CriteriaSet, FacilityKind, ScoreResult, Zone } from '../core.js';
import { LocaleController, loc, locale, t } from '../i18n.js';
import { bt } from './messages.js';
import { newId, withAnswer } from '../model/assessment.js';
import { runCase, scoreAnswers, testAssessment, totalText, type Decision, type TestCase } from './test-cases.js';
import { removeIcon } from './icons.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';
import type { AnswerChangeDetail } from '../fill/tc-answer-control.js';
import { FACILITY_KINDS, ZONES } from './tc-builder-item.js';
import '../fill/tc-item-card.js';
import '../fill/tc-score-panel.js';
import { num, pct } from '../numbers.js';
import { nt } from '../shell/new-messages.js';

/** Detail of `cases-change`: the set's test cases after a save or a removal. */
export type CasesChange = { cases: TestCase[] };

const DECISIONS: Decision[] = ['pass', 'fail', 'incomplete', 'none'];

/**
 * Live preview: the fill-in form exactly as inspectors see it (the app's own `tc-item-card`s and
 * `tc-score-panel`), answered with a test answer set and scored by core beside it. The author saves answer
 * sets as test cases with the result they expect; every case is re-scored on each edit and marked as agreeing
 * or not.
 *
 * @fires cases-change - {@link CasesChange}
 */
@customElement('tc-builder-preview')
export class TcBuilderPreview extends LitElement {
  static override styles = [
    shared,
    builderStyles,
    css`
      :host { display: block; container-type: inline-size; }
      /* Narrow (beside the editor): the score first, then the form, then the test-case form. Wide: the score beside the form. */
      .pv { display: grid; gap: 12px; align-items: start; grid-template-areas: 'score' 'form' 'case'; }
      .pv > [data-preview-form] { grid-area: form; min-width: 0; }
      .pv > .score { grid-area: score; }
      .pv > .case-form { grid-area: case; }
      @container (min-width: 720px) {
        .pv { grid-template-columns: 1fr 250px; grid-template-areas: 'form score' 'form case'; }
      }
      .controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 8px; margin-bottom: 10px; }
      .controls label > span { display: block; font-weight: 600; font-size: 0.9rem; }
      .criterion { margin: 14px 0 6px; display: flex; justify-content: space-between; gap: 8px; align-items: baseline; flex-wrap: wrap; }
      .criterion h4 { margin: 0; }
      .items { display: grid; gap: 10px; }
      .cases { display: grid; gap: 8px; margin-top: 12px; }
      .case { border: 1px solid var(--tc-line); border-radius: 10px; padding: 8px 10px; display: grid; gap: 4px; }
      .case.agree { border-color: #b9d8c9; }
      .case.disagree { border-color: var(--tc-red); }
      .case-head { display: flex; gap: 8px; justify-content: space-between; align-items: center; flex-wrap: wrap; }
      .unscored { padding: 10px 12px; border-radius: 10px; }
    `,
  ];

  /** The set being authored. */
  @property({ attribute: false }) set!: CriteriaSet;
  /** Whether core accepts the set (only then can it be scored). */
  @property({ type: Boolean }) valid = false;
  /** The saved test cases. */
  @property({ attribute: false }) cases: TestCase[] = [];

  @state() private _answers: Assessment['answers'] = {};
  @state() private _section = 0;
  @state() private _zone: Zone | '' = '';
  @state() private _kind: FacilityKind | '' = '';
  @state() private _caseName = '';
  @state() private _expectDecision: Decision | '' = '';
  @state() private _expectTotal = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  /** Loads a test case's answers and facility into the preview. */
  load(tc: TestCase): void {
    this._answers = tc.answers;
    this._zone = tc.zone ?? '';
    this._kind = tc.facilityKind ?? '';
    this._caseName = tc.name;
    this._expectDecision = tc.expect.decision ?? '';
    this._expectTotal = tc.expect.total ?? '';
  }

  override render() {
    const set = this.set;
    const idx = Math.min(this._section, set.sections.length - 1);
    const section = set.sections[Math.max(0, idx)];
    const ids = new Set(set.sections.flatMap((s) => s.criteria.flatMap((c) => c.items.map((i) => i.id))));
    const answers = Object.fromEntries(Object.entries(this._answers).filter(([k]) => ids.has(k)));
    const scored = this.valid
      ? scoreAnswers(set, answers, this._zone || undefined, this._kind || undefined)
      : undefined;
    const result = scored?.ok ? scored.value : undefined;
    const sres = result?.sections.find((s) => s.id === section?.id);
    return html`<div class="controls">
        <label><span>${t('fill.sections')}</span>
          <select data-preview-section @change=${(e: Event) => (this._section = Number((e.target as HTMLSelectElement).value))}>
            ${set.sections.map((s, i) => html`<option value=${i} ?selected=${i === idx}>${i + 1}. ${loc(s.title) || s.id}</option>`)}
          </select></label>
        <label><span>${nt('new.zone')}</span>
          <select @change=${(e: Event) => (this._zone = (e.target as HTMLSelectElement).value as Zone | '')}>
            <option value="">${nt('new.zoneNone')}</option>
            ${ZONES.map((z) => html`<option value=${z} ?selected=${z === this._zone}>${nt('new.zone')} ${z}</option>`)}
          </select></label>
        <label><span>${nt('new.facilityKind')}</span>
          <select @change=${(e: Event) => (this._kind = (e.target as HTMLSelectElement).value as FacilityKind | '')}>
            <option value="">—</option>
            ${FACILITY_KINDS.map((k) => html`<option value=${k} ?selected=${k === this._kind}>${t(`fk.${k}`)}</option>`)}
          </select></label>
        <button @click=${() => (this._answers = {})} data-action="clear-answers">${bt('b.clearAnswers')}</button>
      </div>
      <div class="pv">
        <div @answer-change=${this._onAnswer} data-preview-form>
          ${section ? html`<h3>${idx + 1}. ${loc(section.title)}</h3>` : nothing}
          ${section?.criteria.map((c) => {
            const cr = sres?.criteria.find((x) => x.id === c.id);
            const items = new Map(cr?.items.map((i) => [i.id, i]));
            return html`<div class="criterion"><h4>${c.code ? `${c.code}. ` : ''}${loc(c.title)}</h4>
                ${cr ? html`<span class="badge">${num(cr.score.display.points)}/${num(cr.score.display.max)}${cr.score.display.percent !== undefined ? ` · ${pct(cr.score.display.percent)}` : ''}</span>` : nothing}
              </div>
              <div class="items">
                ${repeat(
                  c.items,
                  (it) => it.id,
                  (it) =>
                    html`<tc-item-card data-item-id=${it.id} .item=${it} .answer=${answers[it.id]} .result=${items.get(it.id)}></tc-item-card>`,
                )}
              </div>`;
          })}
        </div>
        <div class="score">
          ${
            result
              ? html`<tc-score-panel .result=${result} .sectionId=${section?.id}></tc-score-panel>`
              : html`<div class="unscored warn" role="status" data-unscored>${this.valid && scored && !scored.ok ? loc(scored.errors[0]!.message) : bt('b.fixToScore')}</div>`
          }
        </div>
        ${this._saveCase(result)}
      </div>
      ${this._cases()}`;
  }

  private _saveCase(result: ScoreResult | undefined) {
    return html`<form class="stack card case-form" @submit=${(e: Event) => this._onSaveCase(e, result)} data-case-form>
      <strong>${bt('b.saveCase')}</strong>
      <label><span>${bt('b.caseName')}</span><input name="name" .value=${this._caseName} @input=${(e: Event) => (this._caseName = (e.target as HTMLInputElement).value)} required maxlength="200" /></label>
      <label><span>${bt('b.expectDecision')}</span>
        <select name="decision" @change=${(e: Event) => (this._expectDecision = (e.target as HTMLSelectElement).value as Decision | '')}>
          <option value="">—</option>
          ${DECISIONS.map((d) => html`<option value=${d} ?selected=${d === (this._expectDecision || result?.decision)}>${t(`decision.${d}`)}</option>`)}
        </select></label>
      <label><span>${bt('b.expectTotal')}</span><input name="total" inputmode="decimal" placeholder=${result ? totalText(result) : ''} .value=${this._expectTotal} @input=${(e: Event) => (this._expectTotal = (e.target as HTMLInputElement).value)} /></label>
      <button class="primary" type="submit" data-action="save-case">${bt('b.saveCaseButton')}</button>
    </form>`;
  }

  private _cases() {
    if (!this.cases.length) return html`<p class="muted">${bt('b.noCases')}</p>`;
    const outcomes = this.cases.map((c) => [c, this.valid ? runCase(this.set, c) : undefined] as const);
    const agree = outcomes.filter(([, o]) => o?.agrees).length;
    return html`<section class="cases" aria-label=${bt('b.cases')}>
      <h3>${bt('b.cases')} <span class="badge ${agree === this.cases.length ? 'pass' : 'fail'}" data-cases-agree>${bt('b.casesAgree', { n: agree, total: this.cases.length })}</span></h3>
      ${outcomes.map(([c, o]) => {
        const cls = o?.agrees ? 'agree' : o?.agrees === false ? 'disagree' : '';
        return html`<div class="case ${cls}" data-case=${c.id} data-agrees=${o?.agrees === undefined ? 'unknown' : String(o.agrees)}>
          <div class="case-head">
            <strong>${o?.agrees ? '✓' : o?.agrees === false ? '✗' : '…'} ${c.name}</strong>
            <span class="toolbar">
              <button @click=${() => this.load(c)}>${bt('b.loadCase')}</button>
              <button class="danger" aria-label=${bt('b.remove', { name: c.name })} @click=${() => this._emit(this.cases.filter((x) => x.id !== c.id))}>${removeIcon}</button>
            </span>
          </div>
          <span class="muted">${bt('b.caseExpect', { decision: c.expect.decision ? t(`decision.${c.expect.decision}`) : '—', total: c.expect.total || '—' })}
            · ${bt('b.caseActual', { decision: o?.decision ? t(`decision.${o.decision}`) : '—', total: o?.total ?? '—' })}</span>
          ${o?.reasons.map((r) => html`<span class="bad-text">${locale() === 'en' ? r.en : r.vi}</span>`)}
        </div>`;
      })}
    </section>`;
  }

  private _onAnswer(e: CustomEvent<AnswerChangeDetail>) {
    e.stopPropagation();
    const a = withAnswer(
      testAssessment(this.set, this._answers),
      e.detail.itemId,
      e.detail.patch,
      new Date().toISOString(),
    );
    this._answers = a.answers;
  }

  private _onSaveCase(e: Event, result: ScoreResult | undefined) {
    e.preventDefault();
    const name = this._caseName.trim();
    if (!name) return;
    const decision = this._expectDecision || result?.decision;
    const total = this._expectTotal.trim() || (result ? totalText(result) : undefined);
    const existing = this.cases.find((c) => c.name === name);
    const tc: TestCase = { id: existing?.id ?? newId('case'), name, answers: this._answers, expect: {} };
    if (decision) tc.expect.decision = decision;
    if (total) tc.expect.total = total;
    if (this._zone) tc.zone = this._zone;
    if (this._kind) tc.facilityKind = this._kind;
    this._emit(existing ? this.cases.map((c) => (c.id === existing.id ? tc : c)) : [...this.cases, tc]);
  }

  private _emit(cases: TestCase[]) {
    this.dispatchEvent(
      new CustomEvent<CasesChange>('cases-change', { detail: { cases }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-preview': TcBuilderPreview;
  }
}
