import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, locale, t } from '../i18n.js';
import { render, warm } from '../report/client.js';
import { jobPhotos, reportFileName, reportJob, saveFile, sheetFileName } from '../report/inputs.js';
import type { Phase } from '../report/job.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';

const mb = (n: number) =>
  (n / (1024 * 1024)).toLocaleString(locale() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

/**
 * PDF buttons: "Xuất báo cáo PDF" for an assessment and "Phiếu chấm trống" (the blank paper score sheet)
 * for its set or any set. The PDF is made in a worker; a progress bar follows it, the page stays usable,
 * and the file downloads as `<facility>-<date>.pdf`.
 *
 * @fires report-done - `{ name, size, ms, steps, timeline }` when a file was handed to the download (`steps`: where the
 *   time went, the page's `gather` and `back` and the worker's `Steps` of report/job.ts; `timeline`: when the worker's
 *   steps happened, its `Timeline`)
 * The host gets `data-warm="ready"` once the worker has pdfmake loaded and the photos downscaled.
 */
@customElement('tc-report-export')
export class TcReportExport extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .acts { display: flex; gap: 8px; flex-wrap: wrap; }
      /* One reserved line for progress, result or error: the page below never moves while a PDF is made,
         so a progress tick repaints the bar, not the whole view (a relayout of Results costs ~70 ms). */
      .area { min-height: 34px; margin-top: 6px; contain: layout paint; }
      .status { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; min-height: 28px; }
      progress { flex: 1 1 160px; max-width: 320px; height: 12px; accent-color: var(--tc-green); }
      .phase { white-space: nowrap; }
      .pct { font-variant-numeric: tabular-nums; min-width: 4ch; text-align: right; }
      .msg { margin: 4px 0 0; font-size: 0.9rem; }
      .err { padding: 8px 12px; border-radius: 8px; }
    `,
  ];

  /** The assessment to report on; without it only the blank sheet is offered. */
  @property() assessmentId = '';
  /** `${id}@${version}` of the set for the blank sheet; by default the assessment's set. */
  @property() setKey = '';
  /** Which buttons to show. */
  @property() offer: 'all' | 'report' | 'sheet' = 'all';

  @state() private _busy: 'report' | 'sheet' | undefined;
  @state() private _fraction = 0;
  @state() private _phase: Phase = 'photos';
  @state() private _done = '';
  @state() private _error = '';
  /** Said after an export that had to work around this engine (photos downscaled on the page). */
  @state() private _note = '';
  private readonly _store = new StoreController(this);
  /** The assessment the worker was last warmed for. */
  private _warmed = '';
  /** The warm-up waiting to start (a frame, then a task); cancelled when the element leaves the page. */
  private _warmFrame: number | undefined;
  private _warmTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override updated(): void {
    const a = this._store.store.assessments.get(this.assessmentId);
    if (!a || this._warmed === a.id || this.offer === 'sheet') return;
    this._warmed = a.id;
    // Right after Results is painted (not when the page is idle: on a fresh profile it seldom is, and the export
    // came before the warm-up): load pdfmake, downscale any photo still missing and make the report, in the worker,
    // so the export the user is likely to ask for here is ready or under way when asked for. The page only reads the photo
    // records (Blob handles) and posts them.
    this._warmFrame = requestAnimationFrame(() => {
      this._warmFrame = undefined;
      this._warmTimer = setTimeout(() => {
        this._warmTimer = undefined;
        // Through a promise, so nothing the warm-up throws escapes: it is an optimisation, the export still works.
        // With the report's data: the worker makes this report's PDF ahead, and the export of the same content is
        // answered with it (ADR 0022). Without it (the assessment cannot be scored) only pdfmake and photos.
        void Promise.resolve(a)
          .then(async (doc) => {
            const store = this._store.store;
            const job = await reportJob(store, doc.id, locale()).catch(() => undefined);
            return job?.kind === 'report' ? warm(job.photos, job) : warm(await jobPhotos(store, doc));
          })
          .then(
            () => this.setAttribute('data-warm', 'ready'),
            () => undefined,
          );
      });
    });
  }

  /** Leaving Results before the warm-up started: it does not start (it would load pdfmake for nobody). */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._warmFrame !== undefined) cancelAnimationFrame(this._warmFrame);
    if (this._warmTimer !== undefined) clearTimeout(this._warmTimer);
    if (this._warmFrame !== undefined || this._warmTimer !== undefined) this._warmed = '';
    this._warmFrame = this._warmTimer = undefined;
  }

  override render() {
    const pct = Math.round(this._fraction * 100);
    const busy = this._busy !== undefined;
    const report = this.offer !== 'sheet' && this.assessmentId;
    const sheet = this.offer !== 'report';
    return html`
      <div class="acts">
        ${
          report
            ? html`<button class="primary" data-action="report-pdf" ?disabled=${busy} aria-busy=${this._busy === 'report' ? 'true' : 'false'} @click=${this._onReport}>${t('report.export')}</button>`
            : nothing
        }
        ${
          sheet
            ? html`<button data-action="blank-sheet" ?disabled=${busy || !this._set()} aria-busy=${this._busy === 'sheet' ? 'true' : 'false'} @click=${this._onSheet}>${t('report.sheet')}</button>`
            : nothing
        }
      </div>
      <div class="area">
        ${
          busy
            ? html`<div class="status" data-report-progress=${pct}>
              <progress max="100" .value=${pct} aria-label=${t(`report.phase.${this._phase}`)}></progress>
              <span class="phase" role="status">${t(`report.phase.${this._phase}`)}</span><span class="pct" aria-hidden="true">${pct}%</span>
            </div>`
            : nothing
        }
        ${this._done ? html`<p class="msg muted" role="status" data-report-done>${this._done}</p>` : nothing}
        ${this._note ? html`<p class="msg muted" data-report-note>${this._note}</p>` : nothing}
        ${this._error ? html`<p class="msg err bad" role="alert" data-report-error>${t('report.failed', { error: this._error })}</p>` : nothing}
      </div>
    `;
  }

  /** The set for the blank sheet. */
  private _set() {
    const store = this._store.store;
    if (this.setKey) return store.sets.get(this.setKey);
    const a = store.assessments.get(this.assessmentId);
    return a && store.setFor(a);
  }

  private async _run(
    kind: 'report' | 'sheet',
    make: () => Promise<{
      blob: Blob;
      name: string;
      ms: number;
      steps: Record<string, number>;
      timeline?: Partial<Record<string, number>>;
      note?: string;
    }>,
  ) {
    this._busy = kind;
    this._fraction = 0;
    this._phase = kind === 'report' ? 'photos' : 'layout';
    this._done = '';
    this._error = '';
    try {
      const { blob, name, ms, steps, timeline, note } = await make();
      saveFile(blob, name);
      this._done = t('report.done', { name, size: mb(blob.size) });
      this._note = note ?? '';
      this.dispatchEvent(
        new CustomEvent('report-done', {
          detail: { name, size: blob.size, ms, steps, timeline },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (e) {
      this._error = e instanceof Error ? e.message : String(e);
    } finally {
      this._busy = undefined;
    }
  }

  private readonly _progress = (fraction: number, phase: Phase) => {
    this._fraction = fraction;
    this._phase = phase;
  };

  private _onReport() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    void this._run('report', async () => {
      if (!a) throw new Error(t('app.notFound'));
      const t0 = performance.now();
      const job = await reportJob(store, a.id, locale());
      const gather = performance.now() - t0;
      const { pdf, ms, steps, timeline, photosOnPage } = await render(job, this._progress);
      // `back`: from the worker's answer being sent to the page handling it (the page's own queue).
      const back = Math.max(0, performance.now() - t0 - gather - ms - steps.queued);
      return {
        blob: pdf,
        name: reportFileName(a),
        ms,
        steps: { gather, ...steps, back },
        ...(timeline ? { timeline } : {}),
        ...(photosOnPage ? { note: t('report.photosOnPage') } : {}),
      };
    });
  }

  private _onSheet() {
    const set = this._set();
    void this._run('sheet', async () => {
      if (!set) throw new Error(t('app.notFound'));
      const { pdf, ms, steps } = await render({ kind: 'sheet', set, lang: locale() }, this._progress);
      return { blob: pdf, name: sheetFileName(set), ms, steps };
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-report-export': TcReportExport;
  }
}
