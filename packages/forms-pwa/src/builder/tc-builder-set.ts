import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSet } from '../core.js';
import { LocaleController, t } from '../i18n.js';
import { bt } from './messages.js';
import { editEvent, errors, fid, locField, multiField, selectField, textField, type FieldCtx } from './fields.js';
import { ptr } from './pointer.js';
import { problemsAt, type ProblemIndex } from './problems.js';
import { removeIcon } from './icons.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';
import { FACILITY_KINDS, ZONES } from './tc-builder-item.js';
import './tc-builder-scoring.js';
import { nt } from '../shell/new-messages.js';

type SourceDoc = CriteriaSet['source']['documents'][number];

/**
 * The set's own fields: id, version, titles, wording, license, origin (read-only), the legal source documents,
 * applicability (facility kinds, zones), then scoring, pass rules and rating bands (`tc-builder-scoring`).
 *
 * @fires builder-edit - `{ pointer, value }` for every change
 */
@customElement('tc-builder-set')
export class TcBuilderSet extends LitElement {
  static override styles = [shared, builderStyles, css`:host { display: block; } h3 { margin-top: 6px; }`];

  /** The set being authored. */
  @property({ attribute: false }) set!: CriteriaSet;
  /** core's problems by field pointer. */
  @property({ attribute: false }) problems: ProblemIndex = new Map();

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const s = this.set;
    const ctx: FieldCtx = {
      problems: this.problems,
      emit: (pointer, value) => this.dispatchEvent(editEvent(pointer, value)),
    };
    const docs = s.source.documents;
    return html`<div class="stack">
      <div class="grid2">
        ${textField(ctx, bt('b.setId'), '/id', s.id, { attr: 'set-id' })}
        ${textField(ctx, bt('b.version'), '/version', s.version, { attr: 'version' })}
      </div>
      ${
        s.origin
          ? html`<p class="muted" data-origin>${bt('b.origin', { id: s.origin.id, version: s.origin.version, hash: s.origin.contentHash.slice(0, 12) })}</p>`
          : nothing
      }
      ${locField(ctx, bt('b.title'), '/title', s.title, { attr: 'set-title' })}
      ${locField(ctx, bt('b.shortTitle'), '/shortTitle', s.shortTitle, { optional: true })}
      ${locField(ctx, bt('b.description'), '/description', s.description, { optional: true, multiline: true })}
      <div class="grid2">
        ${selectField(
          ctx,
          bt('b.wording'),
          '/wording',
          s.wording,
          (['official', 'paraphrase', 'drafted', 'mixed'] as const).map((v) => [v, bt(`b.wording.${v}`)] as const),
          { attr: 'wording' },
        )}
        ${textField(ctx, bt('b.license'), '/license', s.license, { optional: true })}
      </div>

      <h3>${bt('b.sources')}</h3>
      ${errors(problemsAt(this.problems, '/source/documents'), `${fid('/source/documents')}-err`)}
      ${docs.map((d, i) => this._doc(ctx, d, i, docs.length))}
      <div><button @click=${() => ctx.emit('/source/documents', [...docs, { number: '', role: 'reference' }])} data-action="add-document">+ ${bt('b.document')}</button></div>
      ${locField(ctx, bt('b.sourceNote'), '/source/note', s.source.note, { optional: true, multiline: true })}

      <h3>${bt('b.applicability')}</h3>
      ${multiField(
        ctx,
        bt('b.facilityKinds'),
        '/applicability/facilityKinds',
        s.applicability.facilityKinds,
        FACILITY_KINDS.map((k) => [k, t(`fk.${k}`)] as const),
        { keepEmpty: true, attr: 'facility-kinds' },
      )}
      ${multiField(
        ctx,
        bt('b.zones'),
        '/applicability/zones',
        s.applicability.zones,
        ZONES.map((z) => [z, `${nt('new.zone')} ${z}`] as const),
        { attr: 'zones' },
      )}
      <p class="muted">${bt('b.zonesHint')}</p>
      ${locField(ctx, bt('b.applicabilityNote'), '/applicability/note', s.applicability.note, { optional: true, multiline: true })}

      <h3>${bt('b.scoring')}</h3>
      <tc-builder-scoring .set=${s} .problems=${this.problems}></tc-builder-scoring>
    </div>`;
  }

  private _doc(ctx: FieldCtx, d: SourceDoc, i: number, count: number) {
    const p = ptr('/source/documents', i);
    const roles = (['basis', 'amends', 'replaces', 'reference'] as const).map((r) => [r, bt(`b.role.${r}`)] as const);
    return html`<div class="entry" data-document=${i}>
      <div class="entry-head">
        <strong>${d.number || `${bt('b.document')} ${i + 1}`}</strong>
        <button class="icon-btn danger" ?disabled=${count <= 1} aria-label=${bt('b.remove', { name: d.number || `${bt('b.document')} ${i + 1}` })} @click=${() => ctx.emit(p, undefined)}>${removeIcon}</button>
      </div>
      <div class="grid2">
        ${textField(ctx, bt('b.docNumber'), ptr(p, 'number'), d.number, { placeholder: '1300/QĐ-BYT', attr: 'doc-number' })}
        ${selectField(ctx, bt('b.docRole'), ptr(p, 'role'), d.role, roles, { attr: 'doc-role' })}
        ${textField(ctx, bt('b.docDate'), ptr(p, 'date'), d.date, { optional: true, placeholder: 'YYYY-MM-DD' })}
        ${textField(ctx, bt('b.docIssuer'), ptr(p, 'issuer'), d.issuer, { optional: true, placeholder: 'Bộ Y tế' })}
      </div>
      ${locField(ctx, bt('b.docTitle'), ptr(p, 'title'), d.title, { optional: true })}
      ${textField(ctx, bt('b.docNote'), ptr(p, 'note'), d.note, { optional: true, multiline: true })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-set': TcBuilderSet;
  }
}
