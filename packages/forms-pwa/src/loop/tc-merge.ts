import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Assessment, AssessmentAnswer, Problem } from '../core.js';
import { LocaleController, formatDateTime, locale, t } from '../i18n.js';
import { lt } from './messages.js';
import { facilityKey, mergeAssessments } from './core.js';
import { answerLabel, assessmentLabel, itemLabel } from './labels.js';
import { resolveMerge, undecided, type MergeDecision } from './merge-model.js';
import { newId, setKey } from '../model/assessment.js';
import { go } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import type { StoredPhoto } from '../storage/db.js';
import { shared } from '../styles.js';
import { iot } from '../io/view-messages.js';

const loadIo = () => import('../io/bundle.js');

/**
 * Team inspections: the lead merges the parts done on several tablets into one assessment (core's
 * `mergeAssessments`). Agreeing answers merge; each conflict is shown item by item with every part's answer for
 * the lead to choose (or leave open). The result is saved as a NEW draft: no part is overwritten.
 */
@customElement('tc-merge')
export class TcMerge extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; max-width: 1100px; }
      section { margin-bottom: 12px; display: grid; gap: 8px; }
      .pick { position: relative; overflow: hidden; }
      .pick input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
      .list label { display: flex; gap: 10px; align-items: center; min-height: 44px; }
      .list input, .choice input { width: 24px; min-height: 24px; }
      .conflict { border-left: 6px solid var(--tc-amber); }
      .choice { display: flex; gap: 10px; align-items: flex-start; min-height: 44px; padding: 6px 0; }
      .choice .note { white-space: pre-line; overflow-wrap: anywhere; }
      .msg { padding: 10px 14px; border-radius: 10px; overflow-wrap: anywhere; }
      .msg ul { margin: 4px 0 0; padding-left: 18px; }
    `,
  ];

  /** The lead's assessment to preselect. */
  @property() leadId = '';
  private readonly _store = new StoreController(this);
  @state() private _lead = '';
  @state() private _parts = new Set<string>();
  /** Parts from bundles imported here (memory only until the merge is saved), with their photos. */
  @state() private _imported = new Map<string, Assessment>();
  private _photos: StoredPhoto[] = [];
  @state() private _decisions = new Map<string, MergeDecision>();
  @state() private _errors: Problem[] = [];
  @state() private _busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('leadId') && this.leadId) this._lead = this.leadId;
  }

  override render() {
    const store = this._store.store;
    if (!store.ready) return html`<p>${t('app.loading')}</p>`;
    const device = [...store.assessments.values()].sort((a, b) => a.facility.name.localeCompare(b.facility.name, 'vi'));
    const lead = store.assessments.get(this._lead) ?? this._imported.get(this._lead);
    const same = (a: Assessment) =>
      !!lead &&
      a.id !== lead.id &&
      facilityKey(a) === facilityKey(lead) &&
      setKey(a.criteriaSet) === setKey(lead.criteriaSet);
    const candidates = [...device.filter(same), ...[...this._imported.values()].filter((a) => a.id !== lead?.id)];
    const parts = candidates.filter((a) => this._parts.has(a.id));
    return html`<h1>${lt('merge.title')}</h1>
      <p class="muted">${lt('merge.intro')}</p>
      <section class="card">
        <label><strong>${lt('merge.lead')}</strong>
          <select name="lead" @change=${(e: Event) => this._setLead((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!lead}>—</option>
            ${device.map((a) => html`<option value=${a.id} ?selected=${a.id === lead?.id}>${a.facility.name} · ${assessmentLabel(a)} · ${a.assessors?.[0]?.name ?? ''}</option>`)}
          </select></label>
      </section>
      ${lead ? this._partsSection(candidates) : nothing}
      ${
        this._errors.length
          ? html`<div class="msg bad" role="alert"><ul>${this._errors.map((e) => html`<li>${e.message[locale()] ?? e.message.vi}</li>`)}</ul></div>`
          : nothing
      }
      ${lead && parts.length ? this._outcome(lead, parts) : nothing}`;
  }

  private _partsSection(candidates: Assessment[]) {
    return html`<section class="card">
      <h2>${lt('merge.parts')}</h2>
      ${
        candidates.length
          ? html`<ul class="list">${candidates.map(
              (
                a,
              ) => html`<li><label><input type="checkbox" data-part=${a.id} .checked=${this._parts.has(a.id)} @change=${(e: Event) => this._toggle(a.id, (e.target as HTMLInputElement).checked)} />
              <span>${a.assessors?.map((x) => x.name).join(', ') || a.id} · ${assessmentLabel(a)} · ${lt('merge.answers', { n: Object.keys(a.answers).length })}${this._imported.has(a.id) ? ` · ${iot('io.imported')}` : ''}</span></label></li>`,
            )}</ul>`
          : html`<p class="muted">${lt('merge.noParts')}</p>`
      }
      <div class="row"><label class="btn pick">${lt('merge.import')}<input type="file" multiple accept=".json,application/json" data-merge-import ?disabled=${this._busy} @change=${this._onImport} /></label></div>
    </section>`;
  }

  private _outcome(lead: Assessment, parts: Assessment[]) {
    const out = mergeAssessments([lead, ...parts]);
    if (!out.ok)
      return html`<div class="msg bad" role="alert">${out.errors.map((e) => e.message[locale()] ?? e.message.vi)}</div>`;
    const o = out.value;
    const set = this._store.store.setFor(lead);
    const byId = new Map([lead, ...parts].map((a) => [a.id, a]));
    const who = (id: string) =>
      byId
        .get(id)
        ?.assessors?.map((x) => x.name)
        .join(', ') || id;
    const open = undecided(o, this._decisions);
    return html`<section class="card" data-merge-summary>
        <h2>${lt('merge.result')}</h2>
        <p>${lt('merge.agreed', { n: Object.keys(o.merged.answers).length })}</p>
        <ul>${Object.entries(o.coverage).map(([id, items]) => html`<li>${who(id)}: ${lt('merge.covered', { n: items.length })}</li>`)}</ul>
        <p class=${o.conflicts.length ? 'msg warn' : 'msg ok'} data-conflict-count=${o.conflicts.length}>${lt('merge.conflicts', { n: o.conflicts.length })}</p>
      </section>
      ${o.conflicts.map(
        (c) => html`<section class="card conflict" data-conflict=${c.itemId}>
          <strong>${itemLabel(c.itemId, set)}</strong>
          <div role="radiogroup" aria-label=${itemLabel(c.itemId, set)}>
            ${c.candidates.map((x) => this._choice(c.itemId, { pick: x.assessmentId }, `${answerText(x.answer)} — ${x.answer.by ?? who(x.assessmentId)}`, x.answer))}
            ${this._choice(c.itemId, 'open', lt('merge.leaveOpen'))}
          </div>
        </section>`,
      )}
      <div class="row">
        <button class="primary" ?disabled=${open.length > 0 || this._busy} @click=${() => this._save(lead, parts)} data-action="merge-save">${lt('merge.save')}</button>
        ${open.length ? html`<span class="muted">${lt('merge.undecided', { n: open.length })}</span>` : nothing}
      </div>`;
  }

  private _choice(itemId: string, d: MergeDecision, label: string, ans?: AssessmentAnswer) {
    const cur = this._decisions.get(itemId);
    const checked = cur === d || (typeof cur === 'object' && typeof d === 'object' && cur.pick === d.pick);
    return html`<label class="choice"><input type="radio" name=${`c-${itemId}`} .checked=${checked} @change=${() => this._decide(itemId, d)} />
      <span>${label}${ans?.at ? html` <span class="muted">(${formatDateTime(ans.at)})</span>` : nothing}${ans?.note ? html`<div class="note muted">${ans.note}</div>` : nothing}</span></label>`;
  }

  private _setLead(id: string) {
    this._lead = id;
    this._parts = new Set();
    this._decisions = new Map();
  }

  private _toggle(id: string, on: boolean) {
    const s = new Set(this._parts);
    if (on) s.add(id);
    else s.delete(id);
    this._parts = s;
    this._decisions = new Map();
  }

  private _decide(itemId: string, d: MergeDecision) {
    this._decisions = new Map(this._decisions).set(itemId, d);
  }

  private async _onImport(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    this._busy = true;
    const io = await loadIo();
    const errors: Problem[] = [];
    const imported = new Map(this._imported);
    const parts = new Set(this._parts);
    try {
      await this._store.store.loadAllSets(); // an import checks against every built-in set: wait for them
      for (const f of files) {
        const out = io.planImport(await f.text(), { sets: this._store.store.sets, assessments: new Map() });
        if (!out.ok) {
          errors.push(
            ...out.errors.slice(0, 5).map((x) => ({
              ...x,
              message: { vi: `${f.name}: ${x.message.vi}`, en: `${f.name}: ${x.message.en ?? x.message.vi}` },
            })),
          );
          continue;
        }
        for (const a of out.plan.assessments) {
          imported.set(a.id, a);
          parts.add(a.id);
        }
        this._photos.push(...out.plan.photos);
      }
    } finally {
      this._imported = imported;
      this._parts = parts;
      this._errors = errors;
      this._decisions = new Map();
      this._busy = false;
    }
  }

  private async _save(lead: Assessment, parts: Assessment[]) {
    const out = mergeAssessments([lead, ...parts]);
    if (!out.ok) return;
    this._busy = true;
    try {
      const merged = resolveMerge(out.value, this._decisions, newId('a'), new Date().toISOString());
      const store = this._store.store;
      const used = new Set(Object.values(merged.answers).flatMap((a) => a.evidence ?? []));
      // The app's one write path, photos first: a failed write stays in memory and is written again (the banner
      // says why), so the merged draft opens either way and nothing is lost.
      for (const p of this._photos) if (used.has(p.hash)) void store.savePhoto(p);
      await store.add(merged);
      go({ view: 'fill', id: merged.id });
    } catch (e) {
      this._errors = [{ code: 'merge.save', pointer: '', message: { vi: String(e), en: String(e) } }];
    } finally {
      this._busy = false;
    }
  }
}

/** An answer in words: its value, N/A, or the reason it could not be assessed. */
function answerText(a: AssessmentAnswer): string {
  if (a.na) return t('item.na');
  if (a.unassessed) return `${t('item.unassessed')}: ${a.unassessed}`;
  return answerLabel(a.value);
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-merge': TcMerge;
  }
}
