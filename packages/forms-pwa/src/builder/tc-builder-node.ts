import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSetCriterion, CriteriaSetSection } from '../core.js';
import { LocaleController, t } from '../i18n.js';
import { bt } from './messages.js';
import { citationField, editEvent, locField, numberField, selectField, textField, type FieldCtx } from './fields.js';
import { ptr } from './pointer.js';
import type { ProblemIndex } from './problems.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';

const PROVENANCE = ['official', 'paraphrase', 'drafted', 'unverified'] as const;

/**
 * The fields of a section (phần) or a criterion (tiêu chí): id, code, title, description, weight, stated
 * maximum, citation and provenance of its title, weight and maximum.
 *
 * @fires builder-edit - `{ pointer, value }` for every change
 */
@customElement('tc-builder-node')
export class TcBuilderNode extends LitElement {
  static override styles = [shared, builderStyles, css`:host { display: block; }`];

  /** The section or criterion being edited. */
  @property({ attribute: false }) node!: CriteriaSetSection | CriteriaSetCriterion;
  /** Its JSON Pointer in the set. */
  @property() pointer = '';
  /** core's problems by field pointer. */
  @property({ attribute: false }) problems: ProblemIndex = new Map();

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const n = this.node;
    const p = this.pointer;
    const isCriterion = 'items' in n;
    const ctx: FieldCtx = {
      problems: this.problems,
      emit: (pointer, value) => this.dispatchEvent(editEvent(pointer, value)),
    };
    const prov = (fact: 'title' | 'weight' | 'maxPoints') =>
      selectField(
        ctx,
        bt(`b.prov.${fact}`),
        ptr(p, 'provenance', fact),
        n.provenance?.[fact],
        PROVENANCE.map((v) => [v, bt(`b.provv.${v}`)] as const),
        { optional: true },
      );
    return html`<div class="stack">
      <div class="grid2">
        ${textField(ctx, bt('b.id'), ptr(p, 'id'), n.id, { attr: 'id' })}
        ${isCriterion ? textField(ctx, bt('b.code'), ptr(p, 'code'), (n as CriteriaSetCriterion).code, { optional: true, placeholder: 'Tiêu chí 1', attr: 'code' }) : nothing}
      </div>
      ${locField(ctx, bt('b.title'), ptr(p, 'title'), n.title, { attr: 'title' })}
      ${locField(ctx, bt('b.description'), ptr(p, 'description'), n.description, { optional: true, multiline: true, attr: 'description' })}
      <div class="grid2">
        ${numberField(ctx, bt('b.weight'), ptr(p, 'weight'), n.weight, { optional: true, attr: 'weight' })}
        ${numberField(ctx, bt('b.maxPoints'), ptr(p, 'maxPoints'), n.maxPoints, { optional: true, attr: 'max-points' })}
      </div>
      <p class="muted">${bt('b.weightHint')}</p>
      ${citationField(ctx, { legend: t('item.citation'), document: bt('b.document'), article: bt('b.article') }, ptr(p, 'citation'), n.citation)}
      <fieldset class="stack" data-pointer=${ptr(p, 'provenance')}>
        <legend>${bt('b.provenance')}</legend>
        <div class="grid2">${prov('title')} ${prov('weight')} ${prov('maxPoints')}</div>
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-node': TcBuilderNode;
  }
}
