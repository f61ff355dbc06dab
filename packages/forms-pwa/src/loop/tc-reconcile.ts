import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatLocaleNumber, vietnamToday, type Assessment, type CriteriaSet } from '../core.js';
import { itemIndex } from '../model/assessment.js';
import { downloadXlsx } from '../io/xlsx.js';
import { fileName } from '../io/file-name.js';
import { LocaleController, formatDate, loc, locale, t } from '../i18n.js';
import { lt } from './messages.js';
import { exactToNumber, mul, HUNDRED, reconcile, sign, type Reconciliation } from './core.js';
import { answerLabel, assessmentLabel, itemLabel } from './labels.js';
import { isSelfAssessment, pct, sameFacility, toScored } from './scored.js';
import { agreedAnswer, agreedAssessment, agreedWith, withAgreed } from './agreed.js';
import { answerWords, type AgreedChange } from './tc-agreed-choice.js';
import './tc-agreed-choice.js';
import '../fill/tc-photo-evidence.js';
import { go } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import { cssom } from '../cssom.js';
import { exactNum } from '../numbers.js';

/**
 * A facility's self-assessment against the council's inspection of the same set version (core's `reconcile`):
 * agreement rate, Cohen's kappa where it applies, and every disagreement item by item — values as given, notes and
 * photos side by side — with the agreed answer the council records per item (decision 0019: saved on the
 * inspection through `AppStore.saveAgreedResult`), the result after agreement, XLSX and print.
 */
@customElement('tc-reconcile')
export class TcReconcile extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .pick { display: flex; gap: 12px; flex-wrap: wrap; align-items: end; margin-bottom: 12px; }
      .pick label span { display: block; font-size: 0.85em; color: var(--tc-muted); }
      .pick label, .pick select { max-width: 100%; min-width: 0; }
      .kpis { display: flex; gap: 24px; flex-wrap: wrap; align-items: center; margin-bottom: 14px; }
      .big { font-size: 1.8rem; font-weight: 800; }
      table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--tc-line); }
      th, td { padding: 6px 10px; border-bottom: 1px solid var(--tc-line); text-align: left; vertical-align: top; }
      td.n, th.n { text-align: right; white-space: nowrap; }
      .hi { color: var(--tc-red); font-weight: 700; }
      .note { color: var(--tc-muted); white-space: pre-line; overflow-wrap: anywhere; font-size: 0.9em; }
      .row { margin-bottom: 10px; }
      .agreed-sum { margin-bottom: 14px; display: grid; gap: 4px; }
      .warn { color: var(--tc-red); }
      td tc-photo-evidence { margin-top: 6px; }
      td.agreed { min-width: 200px; }
      @media (max-width: 760px) {
        table, thead, tbody, tr, th, td { display: block; }
        thead { display: none; }
        tr { border-bottom: 2px solid var(--tc-line); padding: 6px 0; }
        td { border: 0; }
        td[data-label]::before { content: attr(data-label); display: block; font-size: 0.85em; color: var(--tc-muted); }
        td.n { text-align: left; }
      }
      @media print {
        .no-print, .pick { display: none; }
        tr { break-inside: avoid; }
      }
    `,
  ];

  /** Id of the self-assessment. */
  @property() a = '';
  /** Id of the inspection. */
  @property() b = '';
  private readonly _store = new StoreController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const store = this._store.store;
    if (!store.ready) return html`<p>${t('app.loading')}</p>`;
    const self = store.assessments.get(this.a);
    const insp = store.assessments.get(this.b);
    const anchor = self ?? insp;
    if (!anchor) return html`<h1>${lt('rec.title')}</h1><p class="muted">${lt('rec.needPair')}</p>`;
    const options = sameFacility(store.assessments.values(), anchor).filter(
      (x) => x.criteriaSet.version === anchor.criteriaSet.version,
    );
    const head = html`<h1>${lt('rec.title')} — ${anchor.facility.name}</h1>
      <div class="pick">
        ${this._select('self', lt('rec.self'), options.filter(isSelfAssessment), self, (id) => go({ view: 'reconcile', a: id, b: this.b || id }))}
        ${this._select(
          'inspection',
          lt('rec.inspection'),
          options.filter((x) => !isSelfAssessment(x)),
          insp,
          (id) => go({ view: 'reconcile', a: this.a || id, b: id }),
        )}
      </div>`;
    const ss = self && toScored(store, self);
    const si = insp && toScored(store, insp);
    if (!ss || !si || self === insp) return html`${head}<p class="muted">${lt('rec.needPair')}</p>`;
    const out = reconcile(ss, si);
    if (!out.ok)
      return html`${head}<p class="card bad" role="alert">${out.errors.map((e) => e.message[locale()] ?? e.message.vi)}</p>`;
    return html`${head}${this._body(out.value, ss.set, self!, insp!)}`;
  }

  /** One side of a disagreement: the value as given (numbers as numbers), the note written beside it, its photos. */
  private _side(a: Assessment, id: string, category: string, set: CriteriaSet | undefined) {
    const answer = a.answers[id];
    const note = answer?.note;
    const photos = answer?.evidence ?? [];
    return html`<div>${valueText(a, id, category, set)}</div>${note ? html`<div class="note">${note}</div>` : nothing}
      ${photos.length ? html`<tc-photo-evidence readonly .itemId=${id} .hashes=${photos}></tc-photo-evidence>` : nothing}`;
  }

  /** Saves one item's agreed answer on the inspection, through the store's one write path. */
  private _onAgreed(e: CustomEvent<AgreedChange>, self: Assessment, insp: Assessment) {
    e.stopPropagation();
    const next = withAgreed(insp, self, e.detail.itemId, e.detail.choice, new Date().toISOString());
    void this._store.store.saveAgreedResult(insp.id, Object.keys(next.items).length ? next : undefined);
  }

  /** The agreed answer of an item in words, for the XLSX (empty when not agreed yet). */
  private _agreedText(id: string, set: CriteriaSet | undefined, self: Assessment, insp: Assessment): string {
    const c = agreedWith(insp, self)?.items[id];
    if (!c) return '';
    const a = agreedAnswer(c, self, insp, id);
    const it = set && itemIndex(set).get(id)?.item;
    const from = lt(
      c.from === 'self' ? 'rec.agreedSelf' : c.from === 'inspection' ? 'rec.agreedInspection' : 'rec.agreedOther',
    );
    const value = a?.na ? t('item.na') : a?.value === undefined ? '—' : answerWords(it, a.value);
    return `${value} (${from})`;
  }

  /** The disagreements as XLSX: item, each side's value (numbers as number cells) and note, the points difference. */
  private async _xlsx(r: Reconciliation, set: CriteriaSet | undefined, self: Assessment, insp: Assessment) {
    const num = (a: Assessment, id: string, category: string) => {
      const v = a.answers[id]?.value;
      return typeof v === 'number' ? v : answerLabel(category);
    };
    await downloadXlsx(fileName([lt('rec.title'), self.facility.name, self.round?.label, vietnamToday()], 'xlsx'), [
      {
        name: lt('rec.title'),
        header: [
          { label: t('xlsx.facility'), value: self.facility.name },
          { label: t('xlsx.set'), value: set ? `${loc(set.shortTitle ?? set.title)} (${set.version})` : '' },
          { label: lt('rec.self'), value: assessmentLabel(self) },
          { label: lt('rec.inspection'), value: assessmentLabel(insp) },
          { label: t('xlsx.made'), value: formatDate(vietnamToday()) },
        ],
        columns: [
          { title: lt('plan.item'), width: 50 },
          { title: lt('rec.self'), kind: 'number', width: 14 },
          { title: t('rec.selfNote'), width: 30 },
          { title: lt('rec.inspection'), kind: 'number', width: 14 },
          { title: t('rec.inspectionNote'), width: 30 },
          { title: lt('rec.diff'), kind: 'number', width: 10 },
          { title: lt('rec.agreed'), width: 24 },
          { title: lt('rec.agreedNote'), width: 30 },
        ],
        rows: r.disagreements.map((d) => [
          itemLabel(d.id, set),
          num(self, d.id, d.self),
          self.answers[d.id]?.note,
          num(insp, d.id, d.inspection),
          insp.answers[d.id]?.note,
          exactToNumber(d.pointsDifference),
          this._agreedText(d.id, set, self, insp),
          agreedWith(insp, self)?.items[d.id]?.note,
        ]),
      },
    ]);
  }

  private _select(
    name: string,
    label: string,
    options: Assessment[],
    value: Assessment | undefined,
    onPick: (id: string) => void,
  ) {
    return html`<label><span>${label}</span>
      <select name=${name} @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}>
        ${value ? nothing : html`<option value="" selected>—</option>`}
        ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === value?.id}>${assessmentLabel(o)}</option>`)}
      </select></label>`;
  }

  private _body(r: Reconciliation, set: CriteriaSet | undefined, self: Assessment, insp: Assessment) {
    const agreed = agreedWith(insp, self);
    const done = r.disagreements.filter((d) => agreed?.items[d.id]).length;
    const after = agreed ? toScored(this._store.store, agreedAssessment(insp, self))?.result : undefined;
    const index = set ? itemIndex(set) : undefined;
    const rate = r.agreementRate ? exactNum(mul(r.agreementRate, HUNDRED), 1, true) : '—';
    const kappa = r.kappa ? exactNum(r.kappa, 3, true) : undefined;
    const diff = r.totalDifference;
    return html`
      <div class="kpis card">
        <div><div class="muted">${lt('rec.agreement')}</div><div class="big" data-agreement>${rate}%</div><div class="muted">${lt('rec.compared', { agreed: r.agreed, compared: r.compared })}</div></div>
        <div><div class="muted">${lt('rec.kappa')}</div><div class="big" data-kappa>${kappa ?? '—'}</div><div class="muted">${kappa ? kappaWords(exactToNumber(r.kappa!)) : lt('rec.kappaNa')}</div></div>
        <div><div class="muted">${lt('rec.totalDiff')}</div><div class="big">${sign(diff) > 0 ? '+' : ''}${exactNum(diff)}</div><div class="muted">${lt('rec.diffHint')}</div></div>
      </div>
      <div class="row no-print">
        <button @click=${() => this._xlsx(r, set, self, insp)} data-action="reconcile-xlsx" ?disabled=${!r.disagreements.length}>${t('xlsx.export')}</button>
        <button @click=${() => window.print()} data-action="print">${t('rec.print')}</button>
      </div>
      ${
        r.disagreements.length
          ? html`<div class="agreed-sum card" data-agreed-summary>
              <strong data-agreed-progress>${lt('rec.agreedProgress', { done, total: r.disagreements.length })}</strong>
              ${after ? html`<span data-agreed-score>${lt('rec.agreedScore', { result: `${t(`decision.${after.decision as 'pass'}`)} · ${pct(after.total.percent)}` })}</span>` : nothing}
              ${insp.agreedResult && !agreed ? html`<span class="warn">${lt('rec.agreedOtherPair')}</span>` : nothing}
              <span class="muted no-print">${lt('rec.agreedHint')}</span>
            </div>`
          : nothing
      }
      <section class="card" @agreed-change=${(e: CustomEvent<AgreedChange>) => this._onAgreed(e, self, insp)}>
        <h2>${lt('rec.disagreements')} (${r.disagreements.length})</h2>
        ${
          r.disagreements.length
            ? html`<table data-disagreements>
              <thead><tr><th>${lt('plan.item')}</th><th>${lt('rec.self')}</th><th>${lt('rec.inspection')}</th><th class="n">${lt('rec.diff')}</th><th>${lt('rec.agreed')}</th></tr></thead>
              <tbody>${r.disagreements.map(
                (
                  d,
                ) => html`<tr data-item=${d.id}><td>${itemLabel(d.id, set)}</td><td data-self data-label=${lt('rec.self')}>${this._side(self, d.id, d.self, set)}</td><td data-inspection data-label=${lt('rec.inspection')}>${this._side(insp, d.id, d.inspection, set)}</td>
                  <td class="n ${sign(d.pointsDifference) > 0 ? 'hi' : ''}" data-label=${lt('rec.diff')}>${sign(d.pointsDifference) > 0 ? '+' : ''}${exactNum(d.pointsDifference)}</td>
                  <td class="agreed" data-label=${lt('rec.agreed')}><tc-agreed-choice .itemId=${d.id} .item=${index?.get(d.id)?.item} .choice=${agreed?.items[d.id]}></tc-agreed-choice></td></tr>`,
              )}</tbody></table>`
            : html`<p class="muted">${lt('cmp.none')}</p>`
        }
      </section>
      ${
        r.notCompared.length
          ? html`<section class="card" ${cssom({ 'margin-top': '12px' })}><h2>${lt('rec.notCompared')} (${r.notCompared.length})</h2><ul>${r.notCompared.map((id) => html`<li>${itemLabel(id, set)}</li>`)}</ul></section>`
          : nothing
      }
    `;
  }
}

/** The answer as given: a number with its unit (45 %), else the answer's words. */
function valueText(a: Assessment, id: string, category: string, set: CriteriaSet | undefined): string {
  const v = a.answers[id]?.value;
  const it = set && itemIndex(set).get(id)?.item;
  if (typeof v === 'string' && it?.response.kind === 'choice') return answerWords(it, v);
  if (typeof v === 'number') {
    const unit = it?.response.kind === 'numeric' && it.response.unit ? loc(it.response.unit) : '';
    return `${formatLocaleNumber(v, locale())}${unit ? (unit === '%' ? '\u00a0%' : ` ${unit}`) : ''}`;
  }
  return answerLabel(category);
}

/** Landis & Koch's words for a kappa value (a reading aid; the number is what counts). */
function kappaWords(k: number): string {
  const band =
    k < 0
      ? 'poor'
      : k <= 0.2
        ? 'slight'
        : k <= 0.4
          ? 'fair'
          : k <= 0.6
            ? 'moderate'
            : k <= 0.8
              ? 'substantial'
              : 'almost';
  return lt(`kappa.${band}`);
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-reconcile': TcReconcile;
  }
}
