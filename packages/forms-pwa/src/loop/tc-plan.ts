import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { vietnamToday, type ImprovementPlan } from '../core.js';
import type { PhotoEventDetail } from '../controllers/photo-capture.js';
import { LocaleController, formatDate, loc, t } from '../i18n.js';
import { lt } from './messages.js';
import { formatExact } from './core.js';
import { download, toCsv } from './csv.js';
import { downloadXlsx, numberCell } from '../io/xlsx.js';
import { assessmentFileName } from '../io/file-name.js';
import { planFor, totalGain, withAction } from './plan-model.js';
import { toScored } from './scored.js';
import { itemIndex } from '../model/assessment.js';
import { href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import type { ActionChangeDetail } from './tc-plan-action.js';
import './tc-plan-action.js';
import { cssom } from '../cssom.js';
import { exactNum } from '../numbers.js';

/**
 * The improvement plan of one assessment (kế hoạch cải tiến): starts as core's proposal (every gap an action,
 * knockouts first, then by points to gain) and every edit is written to IndexedDB at once.
 */
@customElement('tc-plan')
export class TcPlan extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .head { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; align-items: flex-start; margin-bottom: 12px; }
      .summary { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; margin-bottom: 12px; }
      .summary .bar { width: 220px; height: 10px; border-radius: 5px; }
      .list { display: grid; gap: 12px; }
      .saved { min-width: 8em; }
    `,
  ];

  /** The assessment whose plan this is. */
  @property() assessmentId = '';
  @state() private _plan: ImprovementPlan | undefined;
  @state() private _save: 'idle' | 'saving' | 'saved' | 'error' = 'idle';
  private readonly _store = new StoreController(this);
  private _loading = '';
  private _queue: Promise<void> = Promise.resolve();

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    if (a && this._loading !== a.id) {
      this._loading = a.id;
      this._plan = undefined;
      void this._load();
    }
  }

  /** Resolves when every edit so far is durable (for tests). */
  async flush(): Promise<void> {
    await this._queue;
  }

  override render() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    const set = a && store.setFor(a);
    if (!a || !set) return this._store.missing();
    const plan = this._plan;
    // A failed write that the store's retry has since written is saved.
    const saveState = this._save === 'error' && plan && !store.isUnsaved(`plan:${plan.id}`) ? 'saved' : this._save;
    const idx = itemIndex(set);
    const label = (id: string) => {
      const it = idx.get(id)?.item;
      return it ? `${it.code ? `${it.code} ` : ''}${loc(it.text)}` : id;
    };
    const done = plan?.actions.filter((x) => x.status === 'done' || x.status === 'verified').length ?? 0;
    const total = plan?.actions.length ?? 0;
    return html`
      <div class="head">
        <div>
          <h1>${lt('plan.title')} — ${a.facility.name}</h1>
          <div class="muted">${loc(set.shortTitle ?? set.title)} · ${t(`kind.${a.assessmentKind}`)} · ${formatDate(a.assessedOn ?? a.createdAt)}</div>
        </div>
        <div class="row">
          <span class="saved muted" role="status" data-plan-save=${saveState}>${saveState === 'saving' ? t('save.saving') : saveState === 'saved' ? `✓ ${t('save.saved')}` : saveState === 'error' ? t('save.error') : ''}</span>
          <a class="btn" href=${href({ view: 'results', id: a.id })}>${lt('plan.backResults')}</a>
          <button ?disabled=${!total} @click=${this._export} data-action="plan-csv">${lt('dash.export')}</button>
          <button ?disabled=${!total} @click=${this._exportXlsx} data-action="plan-xlsx">${t('xlsx.export')}</button>
        </div>
      </div>
      <p class="muted">${lt('plan.intro')}</p>
      ${
        !plan
          ? html`<p>${t('app.loading')}</p>`
          : !total
            ? html`<p class="card ok">${lt('plan.empty')}</p>`
            : html`<div class="summary" data-plan-summary>
                <strong>${lt('plan.progress', { done, total })}</strong>
                <span class="bar" role="img" aria-label=${lt('plan.progress', { done, total })}><span ${cssom({ width: `${Math.round((100 * done) / total)}%` })}></span></span>
                ${set.scoring.model === 'points' ? html`<span class="badge info">${lt('plan.gainTotal', { points: exactNum(totalGain(plan)) })}</span>` : nothing}
              </div>
              <div class="list" @action-change=${this._onChange} @photo-add=${this._onPhotoAdd} @photo-remove=${this._onPhotoRemove}>
                ${repeat(
                  plan.actions,
                  (x) => x.id,
                  (x) =>
                    html`<tc-plan-action .action=${x} itemLabel=${label(x.itemId)} itemText=${idx.get(x.itemId)?.item.text.vi ?? ''}></tc-plan-action>`,
                )}
              </div>`
      }
    `;
  }

  private async _load() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    const s = a && toScored(store, a);
    if (!s) return;
    const stored = await store.storage.getPlanForAssessment(s.assessment.id);
    const { plan, changed } = planFor(s, stored, new Date().toISOString());
    if (this._loading !== s.assessment.id) return;
    this._plan = plan;
    if (changed) this._persist(plan);
  }

  private _persist(plan: ImprovementPlan) {
    this._save = 'saving';
    // The app's one write path: in order, durable; a failure is kept and retried, and the banner says why.
    this._queue = this._store.store.savePlan(plan).then((ok) => {
      if (this._plan === plan) this._save = ok ? 'saved' : 'error';
    });
  }

  private _update(actionId: string, patch: Parameters<typeof withAction>[2]) {
    if (!this._plan) return;
    const next = withAction(this._plan, actionId, patch, new Date().toISOString());
    this._plan = next;
    this._persist(next);
  }

  private _onChange(e: CustomEvent<ActionChangeDetail>) {
    this._update(e.detail.actionId, e.detail.patch);
  }

  private async _onPhotoAdd(e: CustomEvent<PhotoEventDetail>) {
    const { itemId: actionId, photo } = e.detail;
    if (!photo || !this._plan) return;
    // Queued before the plan that points at it, so it is written (or written again after a failure) first.
    void this._store.store.savePhoto(photo);
    const ev = this._plan.actions.find((x) => x.id === actionId)?.completionEvidence ?? [];
    if (!ev.includes(photo.hash)) this._update(actionId, { completionEvidence: [...ev, photo.hash] });
  }

  private _onPhotoRemove(e: CustomEvent<PhotoEventDetail>) {
    const { itemId: actionId, hash } = e.detail;
    const ev = this._plan?.actions.find((x) => x.id === actionId)?.completionEvidence ?? [];
    this._update(actionId, { completionEvidence: ev.filter((h) => h !== hash) });
  }

  private _export() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    const set = a && store.setFor(a);
    if (!a || !set || !this._plan) return;
    const idx = itemIndex(set);
    const rows = this._plan.actions.map((x) => {
      const it = idx.get(x.itemId)?.item;
      return [
        it?.code ?? x.itemId,
        it ? loc(it.text) : '',
        x.problem,
        x.action,
        x.owner,
        formatDate(x.due),
        x.resources,
        t(`ps.${x.status}`),
        x.pointsToGain ? formatExact(x.pointsToGain) : '',
        x.knockout ? t('item.knockout') : '',
      ];
    });
    const header = [
      t('results.criterion'),
      lt('plan.item'),
      lt('plan.problem'),
      lt('plan.action'),
      lt('plan.owner'),
      lt('plan.due'),
      lt('plan.resources'),
      lt('plan.status'),
      lt('plan.points'),
      t('item.knockout'),
    ];
    download(assessmentFileName(a, 'csv', lt('plan.title')), toCsv(header, rows));
  }

  /** The plan as XLSX: due days as date cells, points to gain as numbers, a header block naming set, round, day. */
  private async _exportXlsx() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    const set = a && store.setFor(a);
    if (!a || !set || !this._plan) return;
    const idx = itemIndex(set);
    await downloadXlsx(assessmentFileName(a, 'xlsx', lt('plan.title')), [
      {
        name: lt('plan.title'),
        header: [
          { label: t('xlsx.facility'), value: a.facility.name },
          { label: t('xlsx.set'), value: `${loc(set.shortTitle ?? set.title)} (${set.version})` },
          { label: t('xlsx.round'), value: a.round?.label ?? t(`kind.${a.assessmentKind}`) },
          { label: t('xlsx.assessedOn'), value: formatDate(a.assessedOn ?? a.createdAt) },
          { label: t('xlsx.made'), value: formatDate(vietnamToday()) },
        ],
        columns: [
          { title: t('results.criterion'), width: 10 },
          { title: lt('plan.item'), width: 50 },
          { title: lt('plan.problem'), width: 30 },
          { title: lt('plan.action'), width: 30 },
          { title: lt('plan.owner'), width: 18 },
          { title: lt('plan.due'), kind: 'date', width: 12 },
          { title: lt('plan.resources'), width: 18 },
          { title: lt('plan.status'), width: 14 },
          { title: lt('plan.points'), kind: 'number', width: 10 },
          { title: t('item.knockout'), width: 10 },
        ],
        rows: this._plan.actions.map((x) => {
          const it = idx.get(x.itemId)?.item;
          return [
            it?.code ?? x.itemId,
            it ? loc(it.text) : '',
            x.problem,
            x.action,
            x.owner,
            x.due,
            x.resources,
            t(`ps.${x.status}`),
            numberCell(x.pointsToGain),
            x.knockout ? t('item.knockout') : '',
          ];
        }),
      },
    ]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-plan': TcPlan;
  }
}
