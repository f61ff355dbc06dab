import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSetItem } from '../core.js';
import { LocaleController, t } from '../i18n.js';
import { bt } from './messages.js';
import {
  checkField,
  citationField,
  editEvent,
  locField,
  multiField,
  numberField,
  selectField,
  textField,
  type FieldCtx,
} from './fields.js';
import { ptr } from './pointer.js';
import type { ProblemIndex } from './problems.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';
import './tc-builder-response.js';
import { nt } from '../shell/new-messages.js';

export const VERIFICATION = ['observe', 'interview', 'records', 'measure'] as const;
export const FACILITY_KINDS = ['commune-station', 'hospital', 'health-centre', 'clinic', 'other'] as const;
export const ZONES = ['1', '2', '3'] as const;
const PROVENANCE = ['official', 'paraphrase', 'drafted', 'unverified'] as const;

/**
 * Every field of one item (chỉ tiêu): id and code, text (vi / en), guidance, verification methods, citation,
 * wording and other provenance, response, level (levels model), N/A allowed, knockout, evidence requirement,
 * and the zones / facility kinds it applies to. Each field shows core's problems for its pointer.
 *
 * @fires builder-edit - `{ pointer, value }` for every change
 */
@customElement('tc-builder-item')
export class TcBuilderItem extends LitElement {
  static override styles = [shared, builderStyles, css`:host { display: block; }`];

  /** The item being edited. */
  @property({ attribute: false }) item!: CriteriaSetItem;
  /** Its JSON Pointer in the set. */
  @property() pointer = '';
  /** The set's scoring model (levels sets need a level per item). */
  @property() model: 'points' | 'levels' = 'points';
  /** core's problems by field pointer. */
  @property({ attribute: false }) problems: ProblemIndex = new Map();

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const it = this.item;
    const p = this.pointer;
    const ctx: FieldCtx = {
      problems: this.problems,
      emit: (pointer, value) => this.dispatchEvent(editEvent(pointer, value)),
    };
    const prov = (fact: 'wording' | 'points' | 'knockout' | 'level') =>
      selectField(
        ctx,
        bt(`b.prov.${fact}`),
        ptr(p, 'provenance', fact),
        it.provenance?.[fact],
        PROVENANCE.map((v) => [v, bt(`b.provv.${v}`)] as const),
        { optional: true, attr: `prov-${fact}` },
      );
    const ev = it.evidence;
    return html`<div class="stack">
      <div class="grid2">
        ${textField(ctx, bt('b.id'), ptr(p, 'id'), it.id, { attr: 'id' })}
        ${textField(ctx, bt('b.code'), ptr(p, 'code'), it.code, { optional: true, placeholder: '1.1', attr: 'code' })}
      </div>
      ${locField(ctx, bt('b.itemText'), ptr(p, 'text'), it.text, { multiline: true, attr: 'text' })}
      ${locField(ctx, bt('b.guidance'), ptr(p, 'guidance'), it.guidance, { optional: true, multiline: true, attr: 'guidance' })}
      ${multiField(
        ctx,
        t('item.verification'),
        ptr(p, 'verification'),
        it.verification,
        VERIFICATION.map((v) => [v, t(`ver.${v}`)] as const),
        { attr: 'verification' },
      )}
      ${citationField(ctx, { legend: t('item.citation'), document: bt('b.document'), article: bt('b.article') }, ptr(p, 'citation'), it.citation)}
      <tc-builder-response .response=${it.response} .pointer=${ptr(p, 'response')} .problems=${this.problems}></tc-builder-response>
      ${this.model === 'levels' || it.level !== undefined ? numberField(ctx, bt('b.level'), ptr(p, 'level'), it.level, { optional: true, attr: 'level' }) : nothing}
      <div class="grid2">
        ${checkField(ctx, bt('b.naAllowed'), ptr(p, 'naAllowed'), it.naAllowed, 'na-allowed')}
        ${checkField(ctx, bt('b.knockout'), ptr(p, 'knockout'), it.knockout, 'knockout')}
      </div>
      <fieldset class="stack" data-pointer=${ptr(p, 'evidence')}>
        <legend>${bt('b.evidence')}</legend>
        ${selectField(
          ctx,
          bt('b.photo'),
          ptr(p, 'evidence', 'photo'),
          ev?.photo,
          (['never', 'when-not-met', 'always'] as const).map((v) => [v, bt(`b.photo.${v}`)] as const),
          {
            optional: true,
            attr: 'evidence-photo',
            onChange: (v) => ctx.emit(ptr(p, 'evidence'), v ? { ...ev, photo: v } : undefined),
          },
        )}
        ${ev ? locField(ctx, bt('b.evidenceHint'), ptr(p, 'evidence', 'hint'), ev.hint, { optional: true }) : nothing}
      </fieldset>
      <div class="grid2">
        ${multiField(
          ctx,
          bt('b.onlyZones'),
          ptr(p, 'applicableZones'),
          it.applicableZones,
          ZONES.map((z) => [z, `${nt('new.zone')} ${z}`] as const),
        )}
        ${multiField(
          ctx,
          bt('b.onlyKinds'),
          ptr(p, 'applicableFacilityKinds'),
          it.applicableFacilityKinds,
          FACILITY_KINDS.map((k) => [k, t(`fk.${k}`)] as const),
        )}
      </div>
      <fieldset class="stack" data-pointer=${ptr(p, 'provenance')}>
        <legend>${bt('b.provenance')}</legend>
        <p class="muted">${bt('b.provenanceHint')}</p>
        <div class="grid2">${prov('wording')} ${prov('points')} ${prov('knockout')} ${this.model === 'levels' ? prov('level') : nothing}</div>
        ${textField(ctx, bt('b.provNote'), ptr(p, 'provenance', 'note'), it.provenance?.note, { optional: true, multiline: true })}
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-item': TcBuilderItem;
  }
}
