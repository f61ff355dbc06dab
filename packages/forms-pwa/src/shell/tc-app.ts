import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import { LocaleController, languagePending, locale, setLocale, t } from '../i18n.js';
import { parseRoute, href, type Route } from '../router.js';
import { flushPendingEdits } from '../state/pending-edits.js';
import { StoreController } from '../state/store-controller.js';
import { closeIcon, warnIcon } from '../icons.js';
import { shared } from '../styles.js';
import { saveStatusStyles } from './tc-save-status.js';
import { loadView } from './view-modules.js';
import './tc-update-toast.js';

/**
 * The app shell: header with navigation, save status and language switch; the persistent-storage
 * warning; the current view chosen by the hash route; the update toast.
 */
@customElement('tc-app')
export class TcApp extends LitElement {
  static override styles = [
    shared,
    saveStatusStyles,
    css`
      :host { display: block; min-height: 100vh; background: #f6f7f9; }
      header {
        position: sticky; top: 0; z-index: 5;
        display: flex; align-items: center; gap: 8px; flex-wrap: wrap;
        padding: 6px 16px; background: var(--tc-green); color: #fff;
        min-height: 60px;
      }
      header a.brand { color: #fff; text-decoration: none; font-weight: 800; font-size: 1.2rem; margin-right: 8px; min-height: 44px; display: inline-flex; align-items: center; }
      /* The links keep their width (never one word per line); what does not fit beside them wraps to a second row. */
      header nav { display: flex; gap: 4px; flex: 1 0 auto; flex-wrap: wrap; }
      header nav a { color: #fff; text-decoration: none; padding: 10px 12px; border-radius: 8px; min-height: 44px; display: inline-flex; align-items: center; white-space: nowrap; }
      header nav a[aria-current='page'] { background: rgb(0 0 0 / 0.28); box-shadow: inset 0 -3px 0 #fff; }
      header button { background: transparent; color: #fff; border-color: rgb(255 255 255 / 0.6); white-space: nowrap; }
      /* Sync status, save state and language stay together at the right, beside the navigation or on a row under it. */
      .tools { display: flex; align-items: center; gap: 8px; margin-left: auto; }
      main { padding: 16px; max-width: 1400px; margin: 0 auto; }
      .persist { margin: 12px 16px 0; padding: 10px 14px; border-radius: 10px; }
      .toast { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); background: #1b1f24; color: #fff; padding: 12px 18px; border-radius: 10px; z-index: 10; }
      .persist { display: flex; gap: 8px; align-items: center; }
      .persist span { flex: 1; }
      .persist a { display: inline-flex; align-items: center; min-height: 44px; }
      .persist button { border: none; background: none; }
      @media (max-width: 600px) {
        header { position: static; padding: 4px 8px; gap: 2px; min-height: 52px; }
        header a.brand { display: none; }
        header nav { flex: 1 1 auto; flex-wrap: nowrap; overflow-x: auto; min-width: 0; scrollbar-width: none; padding-right: 32px; mask-image: linear-gradient(to right, #000 calc(100% - 40px), transparent); }
        /* The fade at the right edge says there is more to scroll to (issue 14); the padding lets the last link clear it. */
        header nav a { padding: 8px 8px; font-size: 0.95rem; white-space: nowrap; }
        header button { padding: 6px 10px; }
        /* On a phone the status shares its row with the sync and language buttons, its text wrapping within. */
        .tools { flex: 1 1 100%; gap: 4px; }
        .tools tc-sync-status { flex: 1 1 0; min-width: 0; }
        main { padding: 10px; }
        .persist { margin: 8px 10px 0; font-size: 0.9rem; }
      }
    `,
  ];

  private readonly _store = new StoreController(this);
  @state() private _route: Route = parseRoute(location.hash);
  @state() private _toast = '';
  /** The storage warning was read and closed (until the next launch). */
  @state() private _persistDismissed = false;
  private _toastTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _onHash = () => {
    this._route = parseRoute(location.hash);
    window.scrollTo({ top: 0 });
  };

  /**
   * Leaving or reloading while a change is not durable yet (a number still being typed, a write in flight, a
   * photo or an assessment that storage refused) asks first: the browser shows its own "leave site?" prompt.
   */
  private readonly _onBeforeUnload = (e: BeforeUnloadEvent) => {
    flushPendingEdits();
    const store = this._store.store;
    if (store.saveState === 'saving' || store.unsavedCount > 0) {
      e.preventDefault();
      e.returnValue = ''; // older browsers need it set
    }
  };

  constructor() {
    super();
    new LocaleController(this);
  }

  /**
   * The first render waits for a task of its own (issue 20): without it, the start-up script's evaluation, the
   * store's first requests and this first render ran as one task of up to 0.5 s on a slow tablet. Later renders
   * are not delayed.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated) await new Promise((r) => setTimeout(r, 0));
    return super.scheduleUpdate();
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onBeforeUnload);
    window.addEventListener('hashchange', this._onHash);
    this.addEventListener('toast', this._onToast as EventListener);
    // Sync with the council server (src/sync/): loaded only on a device enrolled with one (or from Settings).
    void this._store.store.storage
      .getSync('server')
      .then((link) => link && import('../sync/tc-sync-status.js'))
      .catch(() => undefined);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this._onHash);
    window.removeEventListener('beforeunload', this._onBeforeUnload);
  }

  override render() {
    const store = this._store.store;
    const r = this._route;
    return html`
      <header>
        <a class="brand" href=${href({ view: 'home' })}>${t('app.title')}</a>
        <nav>
          <a href=${href({ view: 'home' })} aria-current=${r.view === 'home' ? 'page' : 'false'}>${t('nav.home')}</a>
          <a href=${href({ view: 'io' })} aria-current=${r.view === 'io' ? 'page' : 'false'}>${t('nav.io')}</a>
          <a href=${href({ view: 'dashboard' })} aria-current=${r.view === 'dashboard' ? 'page' : 'false'} data-nav="dashboard">${t('nav.dashboard')}</a>
          <a href=${href({ view: 'builder' })} aria-current=${r.view === 'builder' ? 'page' : 'false'} data-nav="builder">${t('nav.builder')}</a>
          <a href=${href({ view: 'settings' })} aria-current=${r.view === 'settings' || r.view === 'admin' ? 'page' : 'false'} data-nav="settings">${t('nav.settings')}</a>
        </nav>
        <div class="tools">
          <tc-sync-status></tc-sync-status>
          <tc-save-status></tc-save-status>
          <button lang=${locale() === 'vi' ? 'en' : 'vi'} @click=${this._toggleLang} data-action="lang">${t('app.langSwitch')}</button>
        </div>
      </header>
      ${
        store.persisted === false && !store.persistSupported && !this._persistDismissed
          ? html`<div class="persist warn" role="note" data-persist-unsupported>
            ${warnIcon}<span>${t('app.persistUnsupported')} <a href=${href({ view: 'io' })}>${t('io.backup')}</a></span>
            <button aria-label=${t('app.dismiss')} title=${t('app.dismiss')} @click=${() => (this._persistDismissed = true)}>${closeIcon}</button>
          </div>`
          : nothing
      }
      ${
        store.persisted === false && store.persistSupported && store.assessments.size > 0 && !this._persistDismissed
          ? html`<div class="persist warn" role="note" data-persist-refused>
            ${warnIcon}<span>${t('app.persistRefused')} <a href=${href({ view: 'io' })}>${t('io.backup')}</a></span>
            <button aria-label=${t('app.dismiss')} title=${t('app.dismiss')} @click=${() => (this._persistDismissed = true)}>${closeIcon}</button>
          </div>`
          : nothing
      }
      ${
        store.problem
          ? html`<div class="persist ${store.problem === 'upgraded' ? 'warn' : 'bad'}" role="alert" data-storage-problem=${store.problem}>
            ${warnIcon}<span>${t(`storage.${store.problem}`)}${store.unsavedCount ? ` (${t('storage.unsaved', { n: store.unsavedCount })})` : ''}
              ${store.problem === 'quota' || store.problem === 'failed' ? html`<a href=${href({ view: 'io' })}>${t('io.backup')}</a>` : nothing}</span>
            ${
              store.problem === 'quota' || store.problem === 'failed'
                ? html`<button data-action="retry-save" @click=${() => void store.retry()}>${t('storage.retry')}</button>`
                : nothing
            }
          </div>`
          : nothing
      }
      <main>${this._view(r)}</main>
      <tc-update-toast></tc-update-toast>
      ${this._toast ? html`<div class="toast" role="status">${this._toast}</div>` : nothing}
    `;
  }

  private _view(r: Route) {
    void loadView(r.view).catch((e: unknown) => console.warn('view failed to load', r.view, e));
    switch (r.view) {
      case 'home':
        return html`<tc-home></tc-home>`;
      case 'builder':
        return html`<tc-builder .draftId=${r.draft ?? ''}></tc-builder>`;
      case 'new':
        return html`<tc-new-assessment></tc-new-assessment>`;
      case 'io':
        return html`<tc-io .preselect=${r.id ?? ''}></tc-io>`;
      case 'fill':
        return html`<tc-fill .assessmentId=${r.id} .sectionId=${r.section ?? ''}></tc-fill>`;
      case 'submit':
        return html`<tc-submit .assessmentId=${r.id}></tc-submit>`;
      case 'results':
        return html`<tc-results .assessmentId=${r.id}></tc-results>`;
      case 'plan':
      case 'compare':
      case 'reconcile':
      case 'dashboard':
      case 'merge':
        return r.view === 'plan'
          ? html`<tc-plan .assessmentId=${r.id}></tc-plan>`
          : r.view === 'compare'
            ? html`<tc-compare .a=${r.a ?? ''} .b=${r.b ?? ''}></tc-compare>`
            : r.view === 'reconcile'
              ? html`<tc-reconcile .a=${r.a ?? ''} .b=${r.b ?? ''}></tc-reconcile>`
              : r.view === 'merge'
                ? html`<tc-merge .leadId=${r.id ?? ''}></tc-merge>`
                : html`<tc-dashboard></tc-dashboard>`;
      case 'settings':
        return html`<tc-settings></tc-settings>`;
      case 'admin':
        return html`<tc-admin></tc-admin>`;
    }
  }

  /**
   * The first render waits for the English texts on a device set to English (`startLocale`), so the shell never
   * shows Vietnamese first; the locale change renders it (ADR 0017).
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return (this.hasUpdated || !languagePending()) && super.shouldUpdate(changed);
  }

  private _toggleLang() {
    const next = locale() === 'vi' ? 'en' : 'vi';
    setLocale(next);
    void this._store.store.storage.putSetting('locale', next);
  }

  private readonly _onToast = (e: CustomEvent<string>) => {
    this._toast = e.detail;
    clearTimeout(this._toastTimer);
    this._toastTimer = setTimeout(() => (this._toast = ''), 3000);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-app': TcApp;
  }
}
