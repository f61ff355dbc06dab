import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Assessment } from '../core.js';
import { LocaleController, locale, t } from '../i18n.js';
import { lt } from './messages.js';
import { compareAssessments, facilityKey, sign, type Comparison, type NodeDelta } from './core.js';
import { answerLabel, assessmentLabel, criterionInfo, itemLabel, sectionLabel } from './labels.js';
import { byWhen, pct, sameFacility, signed, toNum, toScored } from './scored.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import './tc-chart-delta.js';
import { cssom } from '../cssom.js';
import { num } from '../numbers.js';

/**
 * Two assessments of one facility side by side (core's `compareAssessments`): total, sections and criteria
 * before → after with bars, newly met and newly lost items, items added or removed between set versions.
 */
@customElement('tc-compare')
export class TcCompare extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .pick { display: flex; gap: 12px; flex-wrap: wrap; align-items: end; margin-bottom: 12px; }
      .pick label span { display: block; font-size: 0.85em; color: var(--tc-muted); }
      .totals { display: flex; gap: 24px; flex-wrap: wrap; align-items: center; margin-bottom: 14px; }
      .big { font-size: 1.8rem; font-weight: 800; }
      .up { color: var(--tc-green); }
      .down { color: var(--tc-red); }
      table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--tc-line); }
      th, td { padding: 6px 10px; border-bottom: 1px solid var(--tc-line); text-align: left; vertical-align: middle; }
      td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      tr.sec td { background: #f0f3f6; font-weight: 700; }
      .lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; margin-top: 14px; }
      .lists ul { margin: 0; padding-left: 18px; display: grid; gap: 4px; }
      .legend { display: flex; gap: 12px; font-size: 0.85em; align-items: center; }
      .sw { display: inline-block; width: 14px; height: 10px; border-radius: 2px; vertical-align: middle; margin-right: 4px; }
    `,
  ];

  /** Id of the earlier assessment. */
  @property() a = '';
  /** Id of the later assessment. */
  @property() b = '';
  private readonly _store = new StoreController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const store = this._store.store;
    if (!store.ready) return html`<p>${t('app.loading')}</p>`;
    const before = store.assessments.get(this.a);
    const after = store.assessments.get(this.b);
    const anchor = after ?? before;
    if (!anchor) return this._chooseFacility();
    const options = sameFacility(store.assessments.values(), anchor);
    const picker = html`<div class="pick">
      ${this._select('before', lt('cmp.before'), options, before, (id) => go({ view: 'compare', a: id, b: this.b || id }))}
      ${this._select('after', lt('cmp.after'), options, after, (id) => go({ view: 'compare', a: this.a || id, b: id }))}
    </div>`;
    const sb = before && toScored(store, before);
    const sa = after && toScored(store, after);
    const head = html`<h1>${lt('cmp.title')} — ${anchor.facility.name}</h1>${picker}`;
    if (!sb || !sa) return html`${head}<p class="muted">${lt('cmp.needTwo')}</p>`;
    const out = compareAssessments(sb, sa);
    if (!out.ok)
      return html`${head}<p class="card bad" role="alert">${out.errors.map((e) => e.message[locale()] ?? e.message.vi)}</p>`;
    return html`${head}${this._body(out.value, sb.set, sa.set)}`;
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

  /** With no assessment chosen: the facilities that have two or more assessments of one set. */
  private _chooseFacility() {
    const groups = new Map<string, Assessment[]>();
    for (const a of this._store.store.assessments.values()) {
      const k = `${facilityKey(a)}|${a.criteriaSet.id}`;
      groups.set(k, [...(groups.get(k) ?? []), a]);
    }
    const pairs = [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort(byWhen));
    return html`<h1>${lt('cmp.title')}</h1>
      ${
        pairs.length
          ? html`<ul class="card">${pairs.map((g) => html`<li><a href=${href({ view: 'compare', a: g.at(-2)!.id, b: g.at(-1)!.id })}>${g[0]!.facility.name}</a> <span class="muted">(${g.length})</span></li>`)}</ul>`
          : html`<p class="muted">${lt('cmp.needTwo')}</p>`
      }`;
  }

  private _body(c: Comparison, setB: Parameters<typeof itemLabel>[1], setA: Parameters<typeof itemLabel>[1]) {
    const d = c.total.deltaPercent;
    const cls = d && sign(d) > 0 ? 'up' : d && sign(d) < 0 ? 'down' : '';
    const bySection = new Map<string, NodeDelta[]>();
    for (const cr of c.criteria) {
      const sec = criterionInfo(cr.id, setA, setB).section;
      bySection.set(sec, [...(bySection.get(sec) ?? []), cr]);
    }
    const row = (n: NodeDelta, label: string, cls = '') => {
      const b = n.before?.percent;
      const a = n.after?.percent;
      const dd = n.deltaPercent;
      return html`<tr class=${cls} data-criterion=${n.id} data-delta=${dd ? signed(dd) : ''}>
        <td>${label}</td>
        <td class="n">${n.before ? `${num(n.before.display.points)}/${num(n.before.display.max)}` : '—'}</td>
        <td class="n">${pct(b)}</td>
        <td class="n">${n.after ? `${num(n.after.display.points)}/${num(n.after.display.max)}` : '—'}</td>
        <td class="n">${pct(a)}</td>
        <td class="n ${dd && sign(dd) > 0 ? 'up' : dd && sign(dd) < 0 ? 'down' : ''}">${signed(dd)}</td>
        <td><tc-chart-delta .from=${b ? toNum(b) : undefined} .to=${a ? toNum(a) : undefined} label=${`${label}: ${pct(b)} → ${pct(a)}`}></tc-chart-delta></td>
      </tr>`;
    };
    const list = (title: string, ids: string[], key: string) => html`<section class="card" data-list=${key}>
      <h2>${title} (${ids.length})</h2>
      ${ids.length ? html`<ul>${ids.map((id) => html`<li>${itemLabel(id, setA, setB)}</li>`)}</ul>` : html`<p class="muted">${lt('cmp.none')}</p>`}
    </section>`;
    const changed = c.items.filter((i) => i.change === 'improved' || i.change === 'worsened');
    return html`
      <div class="totals card" data-total>
        <div><div class="muted">${lt('cmp.before')}</div><div class="big" data-total-before>${pct(c.total.before?.percent)}</div><div class="muted">${t(`decision.${c.before.decision as 'pass'}`)}</div></div>
        <div class="big" aria-hidden="true">→</div>
        <div><div class="muted">${lt('cmp.after')}</div><div class="big" data-total-after>${pct(c.total.after?.percent)}</div><div class="muted">${t(`decision.${c.after.decision as 'pass'}`)}</div></div>
        <div><div class="muted">${lt('cmp.delta')}</div><div class="big ${cls}" data-total-delta>${signed(d)}</div><div class="muted">${lt('cmp.pointsUnit')}</div></div>
        <tc-chart-delta width="240" .from=${toNum(c.total.before?.percent)} .to=${toNum(c.total.after?.percent)} label=${`${t('score.total')}: ${pct(c.total.before?.percent)} → ${pct(c.total.after?.percent)}`}></tc-chart-delta>
      </div>
      <div class="legend muted"><span><span class="sw" ${cssom({ background: '#9aa3ad' })}></span>${lt('cmp.before')}</span><span><span class="sw" ${cssom({ background: '#0b6e4f' })}></span>${lt('cmp.after')}</span></div>
      <table>
        <caption class="sr-only">${lt('cmp.criteria')}</caption>
        <thead><tr><th>${t('results.criterion')}</th><th class="n">${lt('cmp.before')}</th><th class="n">%</th><th class="n">${lt('cmp.after')}</th><th class="n">%</th><th class="n">${lt('cmp.delta')}</th><th><span class="sr-only">${lt('cmp.chart')}</span></th></tr></thead>
        <tbody>
          ${c.sections.map((s) => html`${row(s, sectionLabel(s.id, setA, setB), 'sec')}${(bySection.get(s.id) ?? []).map((cr) => row(cr, criterionInfo(cr.id, setA, setB).label))}`)}
        </tbody>
      </table>
      <div class="lists">
        ${list(lt('cmp.newlyMet'), c.newlyMet, 'newly-met')}
        ${list(lt('cmp.newlyLost'), c.newlyLost, 'newly-lost')}
        ${
          changed.length
            ? html`<section class="card" data-list="changed"><h2>${lt('cmp.changed')} (${changed.length})</h2>
              <ul>${changed.map((i) => html`<li>${itemLabel(i.id, setA, setB)}: ${answerLabel(i.before?.value)} → ${answerLabel(i.after?.value)}</li>`)}</ul></section>`
            : nothing
        }
        ${c.added.length || c.removed.length ? html`${list(lt('cmp.added'), c.added, 'added')}${list(lt('cmp.removed'), c.removed, 'removed')}` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-compare': TcCompare;
  }
}
