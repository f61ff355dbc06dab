import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { mergeThreeWay, vietnamToday, type Problem } from '../core.js';
import { LocaleController, formatDateTime, loc, locale, t } from '../i18n.js';
import type { ImportEntry, ImportPlan } from './bundle.js';
import { StoreController } from '../state/store-controller.js';
import { SYNC_FILE, type RefusedDocument } from '../storage/db.js';
import { shared } from '../styles.js';

import { assessmentFileName } from './file-name.js';
import { ioMsg } from './messages.js';
import { planOffPage } from './plan-off-page.js';
import { iot } from './view-messages.js';

const loadIo = () => import('./bundle.js');
const loadBackup = () => import('./backup.js');

/**
 * Import / export: export chosen assessments or a full backup as a JSON bundle with photos; import a
 * bundle, backup, criteria set or facility registry. Imports are validated first; errors are listed
 * and nothing changes; an assessment on the device is never overwritten without asking.
 */
@customElement('tc-io')
export class TcIo extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; max-width: 960px; }
      section { margin-bottom: 16px; display: grid; gap: 10px; }
      ul { margin: 0; padding-left: 20px; }
      .list { list-style: none; padding: 0; display: grid; gap: 4px; max-height: 320px; overflow: auto; }
      .list label { display: flex; gap: 10px; align-items: center; min-height: 44px; }
      .list input { min-height: 24px; width: 24px; }
      .pick { position: relative; overflow: hidden; }
      .pick input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .msg { padding: 10px 14px; border-radius: 10px; overflow-wrap: anywhere; }
      code { font-size: 0.85em; }
    `,
  ];

  /** An assessment to preselect for export. */
  @property() preselect = '';
  private readonly _store = new StoreController(this);
  @state() private _selected = new Set<string>();
  @state() private _errors: Problem[] = [];
  @state() private _plan: ImportPlan | undefined;
  @state() private _message = '';
  @state() private _busy = false;
  @state() private _refused: RefusedDocument[] = [];
  /** Every document of the last import and what became of it. */
  @state() private _summary: ImportEntry[] = [];
  /** Assessments whose locked copy in the file would replace a draft on this device: asked first. */
  @state() private _asks: string[] = [];
  /** Progress of a backup or restore in words ("Đang sao lưu 340/2000 ảnh…"); '' when none runs. */
  @state() private _progress = '';
  /** Why the last backup failed, with what to do; shown until the next one. */
  @state() private _backupError = '';
  /** Photos the pending streamed restore wrote ahead: removed if its commit does not happen. */
  private _ahead: string[] = [];

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('preselect') && this.preselect) this._selected = new Set([this.preselect]);
  }

  override render() {
    const store = this._store.store;
    const all = [...store.assessments.values()].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
    return html`<h1>${iot('io.title')}</h1>
      <section class="card">
        <h2>${iot('io.import')}</h2>
        <p class="muted">${iot('io.importHint')}</p>
        <div class="row">
          <label class="btn primary pick">${iot('io.choose')}<input type="file" accept=".json,application/json,.zip,application/zip" data-import ?disabled=${this._busy} @change=${this._onImport} /></label>
        </div>
        ${this._progress && !this._exporting ? html`<p class="msg" role="status" data-progress>${this._progress}</p>` : nothing}
        ${
          this._errors.length
            ? html`<div class="msg bad" role="alert" data-import-error>
              <strong>${iot('io.invalid')}</strong>
              <ul>${this._errors.slice(0, 20).map((e) => html`<li>${e.message[locale()] ?? e.message.vi}${e.pointer ? html` <code>${e.pointer}</code>` : nothing}</li>`)}</ul>
              ${this._errors.length > 20 ? html`<p>… +${this._errors.length - 20}</p>` : nothing}
            </div>`
            : nothing
        }
        ${
          this._plan
            ? html`<div class="msg warn" data-conflicts>
              <p>${iot('io.askLocked', { n: this._asks.length })}</p>
              <ul>${this._asks.map((id) => {
                const mine = store.assessments.get(id);
                const theirs = this._plan?.assessments.find((a) => a.id === id);
                return html`<li>${mine?.facility.name ?? ''} <code>${id}</code> — ${iot('io.onDevice')}: ${t(`status.${mine?.status ?? 'draft'}`)} · ${iot('io.inFile')}: ${t(`status.${theirs?.status ?? 'draft'}`)}</li>`;
              })}</ul>
              <div class="row">
                <button class="danger" @click=${() => this._apply(true)}>${iot('io.replaceWithLocked')}</button>
                <button @click=${() => this._apply(false)}>${iot('io.skip')}</button>
                <button @click=${() => this._cancel()}>${iot('io.cancel')}</button>
              </div>
            </div>`
            : nothing
        }
        ${this._message ? html`<p class="msg ok" role="status" data-import-ok>${this._message}</p>` : nothing}
        ${
          this._summary.length
            ? html`<details class="msg" data-import-summary open>
              <summary>${iot('io.summary')}</summary>
              <ul>${this._summary.map(
                (e) => html`<li data-outcome=${e.outcome} data-doc=${e.id}>
                  <strong>${iot(`io.outcome.${e.outcome}`)}</strong> — ${iot(`io.kind.${e.kind}`)}: ${e.label}
                  ${e.conflicts ? html` · ${iot('io.mergedConflicts', { n: e.conflicts })}` : nothing}
                  ${e.why ? html`<div class="muted">${e.why[locale()] ?? e.why.vi}</div>` : nothing}
                </li>`,
              )}</ul>
            </details>`
            : nothing
        }
      </section>
      ${this._refusedList()}
      <section class="card">
        <h2>${iot('io.export')}</h2>
        <ul class="list">
          ${all.map(
            (
              a,
            ) => html`<li><label><input type="checkbox" .checked=${this._selected.has(a.id)} @change=${(e: Event) => this._toggle(a.id, (e.target as HTMLInputElement).checked)} />
              <span>${a.facility.name} · ${t(`kind.${a.assessmentKind}`)} · ${t(`status.${a.status}`)}</span></label></li>`,
          )}
        </ul>
        <div class="row">
          <button ?disabled=${this._selected.size === 0 || this._busy} @click=${() => this._export(false)} data-export>${iot('io.exportOne')}</button>
          <button ?disabled=${this._busy} @click=${() => this._backup()} data-backup>${t('io.backup')}</button>
        </div>
        ${this._progress && this._exporting ? html`<p class="msg" role="status" data-progress>${this._progress}</p>` : nothing}
        ${this._backupError ? html`<p class="msg bad" role="alert" data-backup-error>${this._backupError}</p>` : nothing}
        <p class="muted">${iot('io.backupHint')}</p>
      </section>
      <section class="card">
        <h2>${iot('io.sets')}</h2>
        <ul>${[...store.sets.entries()].map(([k, s]) => html`<li>${loc(s.title)} <code>${k}</code> — ${store.builtinKeys.has(k) ? iot('io.builtin') : iot('io.imported')}</li>`)}</ul>
      </section>`;
  }

  private _toggle(id: string, on: boolean) {
    const s = new Set(this._selected);
    if (on) s.add(id);
    else s.delete(id);
    this._selected = s;
  }

  private async _onImport(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this._errors = [];
    this._message = '';
    this._summary = [];
    this._plan = undefined;
    const err = (message: { vi: string; en: string }) => (this._errors = [{ code: 'io', pointer: '', message }]);
    const io = await loadIo();
    const backup = await loadBackup();
    if (backup.isContainer(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) {
      await this._restore(file);
      return;
    }
    if (file.size > io.MAX_IMPORT_BYTES) {
      const mb = Math.round(io.MAX_IMPORT_BYTES / 1048576);
      err(ioMsg('io.too-big', { mb }));
      return;
    }
    this._busy = true;
    try {
      const store = this._store.store;
      await store.loadAllSets(); // an import that arrives before the built-in sets have loaded waits for them
      // Document by document: a bad draft in a backup is kept aside, never blocking the rest.
      // Parsed and checked in a worker: a large bundle's parse, hashes and garbage stay off the page's thread.
      const known = { sets: store.sets, assessments: store.assessments };
      const out = await planOffPage(file, known, file.name, (text) => io.planRestore(text, known, file.name));
      if (!out.ok) {
        this._errors = out.errors;
        return;
      }
      // Drafts merge answer by answer and a locked copy on the device is never replaced: the only question left
      // is whether a locked copy in the file replaces a draft on this device.
      const asks = out.plan.conflicts.filter(
        (id) =>
          store.assessments.get(id)?.status === 'draft' &&
          out.plan.assessments.find((a) => a.id === id)?.status !== 'draft',
      );
      if (asks.length) {
        this._asks = asks;
        this._plan = out.plan;
      } else await this._write(out.plan, false);
    } catch (x) {
      err(ioMsg('io.failed', { why: String(x) }));
    } finally {
      this._busy = false;
    }
  }

  /**
   * A streamed backup (zip): photos are written ahead as they are read, the documents verified once all is read;
   * then the same question and commit as any import. Progress is shown; a failure says what to do.
   */
  private async _restore(file: File) {
    this._busy = true;
    const backup = await loadBackup();
    const store = this._store.store;
    try {
      await store.loadAllSets();
      const r = await backup.readBackup(store, file, (done, total) =>
        this._showProgress('io.restore-progress', done, total),
      );
      if (!r.outcome.ok) {
        this._errors = r.outcome.errors;
        return;
      }
      this._ahead = r.written;
      const plan = r.outcome.plan;
      const asks = plan.conflicts.filter(
        (id) =>
          store.assessments.get(id)?.status === 'draft' &&
          plan.assessments.find((a) => a.id === id)?.status !== 'draft',
      );
      if (asks.length) {
        this._asks = asks;
        this._plan = plan;
      } else await this._write(plan, false);
    } catch (x) {
      this._errors = [{ code: 'io', pointer: '', message: ioMsg('io.restore-failed', { why: String(x) }) }];
    } finally {
      this._progress = '';
      this._busy = false;
    }
  }

  /** Shows progress in words, every 20 photos (a re-render per photo would slow a 2,000-photo backup). */
  private _showProgress(code: 'io.backup-progress' | 'io.restore-progress', done: number, total: number) {
    if (done % 20 === 0 || done === total) this._progress = ioMsg(code, { done, total })[locale()];
  }

  private async _cancel() {
    this._plan = undefined;
    const ahead = this._ahead;
    this._ahead = [];
    if (ahead.length) await (await loadBackup()).undoPhotos(this._store.store, ahead);
  }

  private async _apply(overwrite: boolean) {
    const plan = this._plan;
    this._plan = undefined;
    if (plan) await this._write(plan, overwrite);
  }

  private async _write(plan: ImportPlan, overwrite: boolean) {
    const io = await loadIo();
    const store = this._store.store;
    const ahead = this._ahead;
    this._ahead = [];
    await store.flush(); // this tab's own pending writes land first; the import then merges with them
    const registry = new Map(store.facilities.filter((f) => !f.provisional).map((f) => [f.id, f]));
    // The one transaction goes through the store's one write path; a failure is given up as a whole (not retried)
    // and the photos a streamed restore wrote ahead are removed.
    const commit = async (data: Parameters<typeof store.storage.importAll>[0]) => {
      const key = `import:${Date.now()}`;
      if (!(await store.persist(key, () => store.storage.importAll(data)))) {
        store.forget(key);
        throw new Error(store.problem === 'quota' ? 'storage full' : 'write failed');
      }
    };
    let n: Awaited<ReturnType<typeof io.applyImport>>;
    try {
      n = await io.applyImport(store.storage, plan, overwrite, { merge: mergeThreeWay, registry, commit });
    } catch (x) {
      if (ahead.length) await (await loadBackup()).undoPhotos(store, ahead);
      this._errors = [{ code: 'io', pointer: '', message: ioMsg('io.failed', { why: String(x) }) }];
      return;
    }
    await store.reload();
    // A set imported by hand brings back the documents sync kept aside for want of it (ADR 0021).
    if (n.s && (await store.storage.getSync('server')))
      await (await import('../sync/auto.js')).pageSync(store).recheckKeptAside();
    // Report-size copies of the photos that came in, made in the report worker now (issue 20): their first PDF
    // export has no photo left to downscale.
    void import('../report/prepare.js')
      .then((r) => r.prepareAfterImport(store, plan.assessments))
      .catch(() => undefined);
    const merged = n.summary.filter((e) => e.outcome === 'merged').length;
    const kept = n.summary.filter((e) => e.outcome === 'kept').length;
    this._message =
      iot('io.done', { a: n.a, p: n.p, f: n.f, s: n.s }) +
      (merged ? ` ${iot('io.mergedCount', { n: merged })}` : '') +
      (kept ? ` ${iot('io.keptCount', { n: kept })}` : '') +
      (n.refused ? ` ${iot('io.refusedCount', { n: n.refused })}` : '');
    this._summary = n.summary;
    await this._loadRefused();
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._store.store.loadAllSets(); // the view lists every set on the device
    void this._loadRefused();
  }

  private async _loadRefused() {
    try {
      this._refused = await this._store.store.storage.listRefused();
    } catch {
      this._refused = [];
    }
  }

  /** Documents earlier imports refused, with their reasons: download one to fix it, or discard it. */
  private _refusedList() {
    if (!this._refused.length) return nothing;
    return html`<section class="card" data-refused=${this._refused.length}>
      <h2>${iot('io.refusedTitle')}</h2>
      <p class="muted">${iot('io.refusedHint')}</p>
      <ul>
        ${this._refused.map(
          (r) => html`<li data-refused-doc=${r.id}>
            <strong>${iot(`io.kind.${r.kind}`)}: ${r.label}</strong> <span class="muted">(${r.file === SYNC_FILE ? iot('io.fromSync') : r.file}, ${formatDateTime(r.refusedAt)})</span>
            <ul>${r.reasons.slice(0, 5).map((e) => html`<li>${e.message[locale()] ?? e.message.vi}${e.pointer ? html` <code>${e.pointer}</code>` : nothing}</li>`)}</ul>
            <div class="row">
              <button @click=${() => this._downloadRefused(r)}>${iot('io.refusedDownload')}</button>
              <button class="danger" @click=${() => this._discardRefused(r)}>${iot('io.refusedDiscard')}</button>
            </div>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private _downloadRefused(r: RefusedDocument) {
    const url = URL.createObjectURL(new Blob([JSON.stringify(r.bundle, null, 1)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `tieuchi-refused-${r.id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async _discardRefused(r: RefusedDocument) {
    if (!confirm(iot('io.refusedDiscardConfirm', { label: r.label }))) return;
    await this._store.store.storage.dropRefused([r.key]);
    await this._loadRefused();
  }

  /** Whether the running job is a backup (its progress shows in the export card). */
  @state() private _exporting = false;

  /**
   * Full backup as a streamed container (.zip): into a file chosen with the save picker where the browser has one
   * (asked first, while the click still counts), else a download assembled from byte chunks.
   */
  private async _backup() {
    const name = `tieuchi-backup-${vietnamToday()}.zip`;
    this._backupError = '';
    this._message = '';
    const backup = await loadBackup();
    let handle: Awaited<ReturnType<NonNullable<ReturnType<typeof backup.savePicker>>>> | undefined;
    const picker = backup.savePicker();
    if (picker) {
      try {
        handle = await picker({
          suggestedName: name,
          types: [{ description: 'Tiêu Chí backup (zip)', accept: { 'application/zip': ['.zip'] } }],
        });
      } catch (e) {
        if ((e as { name?: string }).name === 'AbortError') return; // the person closed the picker
        handle = undefined; // picker refused (not allowed here): download instead
      }
    }
    this._busy = true;
    this._exporting = true;
    try {
      const store = this._store.store;
      const all = [...store.assessments.values()];
      const importedSets = [...store.sets.entries()].filter(([k]) => !store.builtinKeys.has(k)).map(([, s]) => s);
      // Without the picker: a temporary file on disk (origin-private), else a Blob, then a download.
      const temp = handle ? undefined : await backup.tempFileSink();
      const blob = handle || temp ? undefined : backup.blobSink('application/zip');
      const sink = handle ? await backup.fileSink(handle) : (temp ?? blob!);
      await backup.writeBackup(store, all, importedSets, sink, (done, total) =>
        this._showProgress('io.backup-progress', done, total),
      );
      if (!handle) {
        const url = URL.createObjectURL(temp ? await temp.file() : blob!.blob());
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.click();
        setTimeout(() => {
          URL.revokeObjectURL(url);
          if (temp) void backup.dropTempFile();
        }, 120_000);
      }
      this._message = iot('io.exported', { name: handle?.name ?? name });
    } catch (x) {
      this._backupError = ioMsg('io.backup-failed', { why: String(x) })[locale()];
    } finally {
      this._progress = '';
      this._exporting = false;
      this._busy = false;
    }
  }

  private async _export(full: boolean) {
    this._busy = true;
    try {
      const io = await loadIo();
      const store = this._store.store;
      const chosen = [...store.assessments.values()].filter((a) => full || this._selected.has(a.id));
      const importedSets = [...store.sets.entries()].filter(([k]) => !store.builtinKeys.has(k)).map(([, s]) => s);
      const bundle = await io.buildBundle(store.storage, chosen, { importedSets, full });
      const date = vietnamToday();
      const name = full
        ? `tieuchi-backup-${date}.json`
        : chosen.length === 1
          ? assessmentFileName(chosen[0]!, 'json')
          : `tieuchi-${chosen.length}-${date}.json`;
      const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 1)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this._message = iot('io.exported', { name });
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-io': TcIo;
  }
}
