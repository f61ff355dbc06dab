import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDate, vietnamToday } from '../core.js';
import { LocaleController, locale } from '../i18n.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import { createSyncClient, type ServerAssignment, type ServerCampaign } from './client.js';
import { st } from './messages.js';
import { assessmentKindOf, campaignTasks, type CampaignTask } from './my-campaigns.js';
import { SyncController } from './sync-controller.js';

/**
 * Home's "my campaigns" (only on an enrolled device): the campaigns and facilities this person must assess, due
 * dates, done / in progress / late; "Bắt đầu" creates the assessment carrying the campaign id. The campaign list is
 * kept in the sync store, so it shows offline too.
 */
@customElement('tc-my-campaigns')
export class TcMyCampaigns extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; margin-bottom: 16px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
      li { display: flex; gap: 8px 12px; flex-wrap: wrap; align-items: center; justify-content: space-between; }
      h2 { margin: 0 0 8px; font-size: 1.2rem; }
      a.btn { display: inline-flex; align-items: center; min-height: 44px; }
    `,
  ];
  private readonly _store = new StoreController(this);
  private readonly _sync = new SyncController(this);
  @state() private _campaigns: ServerCampaign[] = [];
  @state() private _assignments: ServerAssignment[] = [];
  @state() private _error = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    const storage = this._store.store.storage;
    const cached = await storage.getSync<{ campaigns: ServerCampaign[]; assignments: ServerAssignment[] }>('campaigns');
    if (cached) ({ campaigns: this._campaigns, assignments: this._assignments } = cached);
    const link = (await this._sync.engine.refresh()).link;
    if (!link || !navigator.onLine) return;
    try {
      const client = createSyncClient({ baseUrl: link.baseUrl, token: link.token });
      const campaigns = await client.campaigns();
      const assignments: ServerAssignment[] = [];
      if (link.user.role === 'inspector')
        for (const c of campaigns) assignments.push(...(await client.assignments(c.id)));
      this._campaigns = campaigns;
      this._assignments = assignments;
      await storage.putSync({ campaigns: { campaigns, assignments } });
    } catch {
      /* offline or refused: the cached list stays; the header says what is wrong */
    }
  }

  override render() {
    const link = this._sync.engine.status.link;
    if (!link || link.user.role === 'admin') return nothing;
    const store = this._store.store;
    const tasks = campaignTasks(
      link.user,
      this._campaigns,
      this._assignments,
      store.assessments.values(),
      vietnamToday(),
    );
    return html`<section class="card" data-my-campaigns aria-labelledby="mine-h">
      <h2 id="mine-h">${st('mine.title')}</h2>
      ${tasks.length ? html`<ul>${tasks.map((t) => this._task(t))}</ul>` : html`<p class="muted">${st('mine.empty')}</p>`}
      ${this._error ? html`<p class="bad" role="alert">${this._error}</p>` : nothing}
    </section>`;
  }

  private _task(t: CampaignTask) {
    const f = this._store.store.facilities.find((x) => x.id === t.facilityId);
    const badge = t.state === 'done' ? 'pass' : t.state === 'late' ? 'fail' : t.state === 'in-progress' ? 'warn' : '';
    const label =
      t.state === 'done'
        ? 'mine.done'
        : t.state === 'late'
          ? 'mine.late'
          : t.state === 'in-progress'
            ? 'mine.inProgress'
            : 'mine.todo';
    return html`<li data-task=${`${t.campaign.id}/${t.facilityId}`} data-state=${t.state}>
      <span><strong>${t.campaign.name[locale()]}</strong> · ${f?.name ?? t.facilityId} · ${st('mine.due', { date: formatDate(t.campaign.closesOn) })}
        <span class="badge ${badge}">${st(label)}</span></span>
      ${
        t.assessmentId
          ? html`<a class="btn" href=${href({ view: t.state === 'done' ? 'results' : 'fill', id: t.assessmentId })}>${st('mine.open')}</a>`
          : html`<button class="primary" data-action="start-campaign" @click=${() => void this._start(t)}>${st('mine.start')}</button>`
      }
    </li>`;
  }

  private async _start(t: CampaignTask): Promise<void> {
    const store = this._store.store;
    const key = `${t.campaign.set.id}@${t.campaign.set.version}`;
    // Built-in sets load when used (issue 20): a campaign's set may not be loaded yet on this page.
    if (!store.sets.has(key) && !store.allSetsLoaded) await store.loadAllSets();
    const set = store.sets.get(key);
    const facility = store.facilities.find((x) => x.id === t.facilityId);
    if (!set || !facility) {
      this._error = st('mine.noSet', { set: `${t.campaign.set.id} ${t.campaign.set.version}` });
      return;
    }
    const link = this._sync.engine.status.link;
    const id = await store.create({
      set,
      facility,
      assessmentKind: assessmentKindOf(t.campaign.kind),
      assessors: link && link.user.role === 'inspector' ? [link.user.displayName] : [],
      assessedOn: vietnamToday(),
      campaign: { id: t.campaign.id, label: t.campaign.name.vi },
    });
    go({ view: 'fill', id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-my-campaigns': TcMyCampaigns;
  }
}
