import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatDateTime } from '../core.js';
import { LocaleController, locale } from '../i18n.js';
import { href } from '../router.js';
import { st } from './messages.js';
import { SyncController } from './sync-controller.js';
import type { PlanConflicts, RefusedPhoto, SyncStatus } from './engine.js';

/** The sync state in one line, for the header: what it says and whether it is a problem. */
export function syncLine(s: SyncStatus, online = true): { text: string; tone: 'ok' | 'wait' | 'bad' } {
  if (s.running) return { text: st('sync.running'), tone: 'wait' };
  if (!online && s.problem?.kind !== 'signInAgain')
    return {
      text: `${st('sync.offlineStatus')} · ${st('sync.waiting', { n: s.waiting })}${s.photosWaiting ? ` · ${st('sync.photosWaiting', { n: s.photosWaiting })}` : ''}`,
      tone: 'wait',
    };
  if (s.problem?.kind === 'signInAgain') return { text: st('sync.signInAgain'), tone: 'bad' };
  if (s.problem?.kind === 'unreachable')
    return {
      text: `${st('sync.unreachable')}${s.waiting ? ` ${st('sync.waiting', { n: s.waiting })}.` : ''}`,
      tone: 'bad',
    };
  if (s.problem?.kind === 'server')
    return { text: st('sync.serverError', { text: s.problem.text[locale()] }), tone: 'bad' };
  if (s.refused.length) return { text: `${st('sync.refusedTitle')}: ${s.refused.length}`, tone: 'bad' };
  if (s.photosRefused.length) return { text: st('sync.photosRefused', { n: s.photosRefused.length }), tone: 'bad' };
  const photos = s.photosWaiting ? ` · ${st('sync.photosWaiting', { n: s.photosWaiting })}` : '';
  if (s.waiting) return { text: st('sync.waiting', { n: s.waiting }) + photos, tone: 'wait' };
  // Answers all sent; photos still uploading on their own queue (they never hold answers back).
  if (s.photosWaiting) return { text: `✓ ${st('sync.answersSynced')}${photos}`, tone: 'wait' };
  return {
    text: `✓ ${st('sync.allSynced')} · ${s.lastSync ? st('sync.last', { when: formatDateTime(s.lastSync) }) : st('sync.never')}`,
    tone: 'ok',
  };
}

/**
 * What a person reads about a photo the server refused for good: why, in plain words, where it is used (which
 * assessment and item, or the plan action) and what to do.
 */
export function photoRefusalText(r: RefusedPhoto): string {
  const where = r.places
    .map((p) =>
      p.itemId === undefined
        ? st('sync.placeSignature', { facility: p.facility })
        : st(p.plan ? 'sync.placePlan' : 'sync.placeItem', { facility: p.facility, item: p.itemId }),
    )
    .join('; ');
  if (r.status === 413) return st('sync.photoTooLarge', { where });
  if (r.status === 415) return st('sync.photoWrongType', { where });
  return st('sync.photoRefusedOther', { text: r.text[locale()], where });
}

/** One line per field of a plan two devices changed differently: what is kept, who changed it to what, when. */
export function planConflictLines(c: PlanConflicts): string[] {
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return c.conflicts.map((x) =>
    st('sync.planConflict', {
      item: x.itemId,
      field: x.field,
      theirs: show(x.theirs),
      ours: show(x.ours),
      by: x.by,
      when: formatDateTime(x.at),
    }),
  );
}

/**
 * The sync state at a glance in the header (only on an enrolled device): all synced with the last sync time
 * (Vietnam time), N changes waiting, or a problem with what to do; a "Đồng bộ" button; the text links to Settings.
 */
@customElement('tc-sync-status')
export class TcSyncStatus extends LitElement {
  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 6px; max-width: 100%; }
    a { color: #fff; font-size: 0.9rem; min-height: 44px; display: inline-flex; align-items: center; padding: 0 4px; }
    a[data-tone='bad'] { font-weight: 700; text-decoration: underline; }
    button {
      font: inherit; min-height: 44px; min-width: 44px; padding: 6px 12px; border-radius: 8px; cursor: pointer; white-space: nowrap;
      background: transparent; color: #fff; border: 1px solid rgb(255 255 255 / 0.6);
    }
    button:focus-visible, a:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }
    button:disabled { opacity: 0.6; }
    /* When the header is narrow the status text wraps; the button keeps its width. */
    span[role='status'] { flex: 1 1 auto; min-width: 0; }
    button { flex: none; }
    @media (max-width: 600px) { a { font-size: 0.8rem; } }
  `;

  private readonly _sync = new SyncController(this);

  private readonly _onNetwork = () => this.requestUpdate();

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this._onNetwork);
    window.addEventListener('offline', this._onNetwork);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this._onNetwork);
    window.removeEventListener('offline', this._onNetwork);
  }

  override render() {
    const s = this._sync.engine.status;
    if (!s.link) return nothing;
    const line = syncLine(s, navigator.onLine !== false);
    return html`<span role="status"
        ><a href=${href({ view: 'settings' })} data-sync-state=${line.tone} data-tone=${line.tone} data-waiting=${s.waiting}
          data-last-sync=${s.lastSync ?? ''} data-photos-waiting=${s.photosWaiting}>${line.text}</a
        ></span
      ><button data-action="sync" ?disabled=${s.running} @click=${() => void this._sync.engine.sync()}>${st('sync.button')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-sync-status': TcSyncStatus;
  }
}
