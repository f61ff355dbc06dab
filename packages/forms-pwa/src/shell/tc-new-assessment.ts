import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Facility, FacilityKind, Zone } from '../core.js';
import { LocaleController, formatDate, loc, parseDate, t } from '../i18n.js';
import { mostUsedSet } from './search.js';
import { vietnamToday } from '../core.js';
import { ASSESSMENT_KINDS, newId, type AssessmentKind } from '../model/assessment.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import { cssom } from '../cssom.js';
import { nt } from './new-messages.js';

const FACILITY_KINDS: FacilityKind[] = ['commune-station', 'hospital', 'health-centre', 'clinic', 'other'];
const NEW = '__new__';

/**
 * New assessment: choose a set, a facility from the registry (or add a provisional one, mapped to a
 * registry id later), the kind, zone, round, date and assessors.
 */
@customElement('tc-new-assessment')
export class TcNewAssessment extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; max-width: 760px; }
      form { display: grid; gap: 14px; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 14px; }
      label > span { display: block; font-weight: 600; margin-bottom: 4px; }
      select, input, textarea { width: 100%; }
      .err { color: var(--tc-red); }
      fieldset { border: 1px dashed var(--tc-line); border-radius: 10px; display: grid; gap: 10px; }
    `,
  ];

  private readonly _store = new StoreController(this);
  @state() private _setKey = '';
  @state() private _facilityId = '';
  @state() private _zone = '';
  @state() private _error = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._store.store.loadAllSets(); // the list offers every set: load the built-in ones not loaded yet
  }

  override render() {
    const store = this._store.store;
    if (!store.allSetsLoaded) return html`<h1>${nt('new.title')}</h1><p class="muted">${t('app.loading')}</p>`;
    const sets = [...store.sets.entries()];
    const key =
      this._setKey || mostUsedSet(store.assessments.values(), new Set(store.sets.keys())) || sets[0]?.[0] || '';
    const set = store.sets.get(key);
    const kinds = set?.applicability.facilityKinds;
    const facilities = [...store.facilities].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const suitable = kinds ? facilities.filter((f) => kinds.includes(f.kind)) : facilities;
    const today = vietnamToday();
    return html`<h1>${nt('new.title')}</h1>
      ${sets.length === 0 ? html`<p class="warn card">${nt('new.noSets')}</p>` : nothing}
      <form class="card" @submit=${this._onSubmit}>
        <label>
          <span>${nt('new.set')}</span>
          <select name="set" required @change=${(e: Event) => (this._setKey = (e.target as HTMLSelectElement).value)}>
            ${sets.map(([k, s]) => html`<option value=${k} ?selected=${k === key}>${loc(s.title)} (${s.version})</option>`)}
          </select>
        </label>
        <label>
          <span>${nt('new.facility')}</span>
          <select name="facility" required @change=${this._onFacility}>
            <option value="">${nt('new.facilityPick')}</option>
            ${suitable.map((f) => html`<option value=${f.id} ?selected=${f.id === this._facilityId}>${f.name}${f.commune ? ` — ${f.commune}` : ''}${f.provisional ? ' *' : ''}</option>`)}
            <option value=${NEW} ?selected=${this._facilityId === NEW}>${nt('new.facilityNew')}</option>
          </select>
        </label>
        ${
          this._facilityId === NEW
            ? html`<fieldset>
              <label><span>${nt('new.facilityName')}</span><input name="fname" required maxlength="500" /></label>
              <div class="grid">
                <label>
                  <span>${nt('new.facilityKind')}</span>
                  <select name="fkind">
                    ${FACILITY_KINDS.map((k) => html`<option value=${k} ?selected=${kinds?.[0] === k}>${t(`fk.${k}`)}</option>`)}
                  </select>
                </label>
                <label><span>${nt('new.commune')}</span><input name="fcommune" maxlength="200" /></label>
              </div>
            </fieldset>`
            : nothing
        }
        <div class="grid">
          <label>
            <span>${nt('new.kind')}</span>
            <select name="kind">
              ${ASSESSMENT_KINDS.map((k) => html`<option value=${k}>${t(`kind.${k}`)}</option>`)}
            </select>
          </label>
          <label>
            <span>${nt('new.zone')}</span>
            <select name="zone" .value=${this._zone} @change=${(e: Event) => (this._zone = (e.target as HTMLSelectElement).value)}>
              <option value="">${nt('new.zoneNone')}</option>
              ${(['1', '2', '3'] as const).map((z) => html`<option value=${z} ?selected=${z === this._zone}>${nt('new.zone')} ${z}</option>`)}
            </select>
          </label>
          <label
            ><span>${nt('new.date')}</span
            ><input name="date" inputmode="numeric" placeholder="dd/mm/yyyy" pattern="\\d{1,2}/\\d{1,2}/\\d{4}" .value=${formatDate(today)} required
          /></label>
          <label><span>${nt('new.round')}</span><input name="round" maxlength="200" /></label>
        </div>
        <label><span>${nt('new.assessors')}</span><textarea name="assessors" rows="3"></textarea></label>
        ${this._error ? html`<p class="err" role="alert">${this._error}</p>` : nothing}
        <div class="row">
          <button class="primary" type="submit" ?disabled=${sets.length === 0}>${nt('new.create')}</button>
          <a class="btn" href=${href({ view: 'home' })}>${nt('new.cancel')}</a>
        </div>
      </form>
      ${set ? this._sheet(key) : nothing}`;
  }

  /** The blank paper score sheet of the chosen set (the fallback when a tablet fails), made in the report worker. */
  private _sheet(setKey: string) {
    void import('../results/tc-report-export.js');
    return html`<section class="card" ${cssom({ 'margin-top': '12px' })}>
      <p class="muted" ${cssom({ margin: '0 0 8px' })}>${t('report.sheetHint')}</p>
      <tc-report-export offer="sheet" .setKey=${setKey}></tc-report-export>
    </section>`;
  }

  private _onFacility(e: Event) {
    this._facilityId = (e.target as HTMLSelectElement).value;
    const f = this._store.store.facilities.find((x) => x.id === this._facilityId);
    if (f?.zone) this._zone = f.zone;
  }

  private async _onSubmit(e: Event) {
    e.preventDefault();
    const store = this._store.store;
    const fd = new FormData(e.target as HTMLFormElement);
    const set = store.sets.get(String(fd.get('set') ?? ''));
    let facility: Facility | undefined;
    if (this._facilityId === NEW) {
      const name = String(fd.get('fname') ?? '').trim();
      if (name) {
        facility = { id: newId('prov'), name, kind: String(fd.get('fkind')) as FacilityKind, provisional: true };
        const commune = String(fd.get('fcommune') ?? '').trim();
        if (commune) facility.commune = commune;
      }
    } else facility = store.facilities.find((f) => f.id === this._facilityId);
    if (!set || !facility) {
      this._error = nt('new.required');
      return;
    }
    const assessedOn = parseDate(String(fd.get('date') ?? ''));
    if (!assessedOn) {
      this._error = nt('new.badDate');
      return;
    }
    const zone = String(fd.get('zone') ?? '');
    facility = { ...facility };
    if (zone) facility.zone = zone as Zone;
    else delete facility.zone;
    const id = await store.create({
      set,
      facility,
      assessmentKind: String(fd.get('kind')) as AssessmentKind,
      assessors: String(fd.get('assessors') ?? '').split('\n'),
      assessedOn,
      round: String(fd.get('round') ?? ''),
    });
    go({ view: 'fill', id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-new-assessment': TcNewAssessment;
  }
}
