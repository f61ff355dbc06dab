import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSetItem } from '../core.js';
import { LocaleController } from '../i18n.js';
import { bt } from './messages.js';
import { editEvent, errors, fid, selectField, type FieldCtx } from './fields.js';
import { ptr } from './pointer.js';
import { problemsAt, type ProblemIndex } from './problems.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';
import { BUILDER_KIND_ORDER, builderKind } from '../kinds/builder-fields.js';

type Response = CriteriaSetItem['response'];

/** A fresh response of a kind, with sensible points, for the author to adjust (its kind's builder entry). */
export function defaultResponse(kind: Response['kind']): Response {
  return builderKind(kind).fresh();
}

/**
 * The response of one item: its kind, and the fields that kind's builder entry gives (points, options with
 * points, numeric bands, a count's target: `src/kinds/builder-fields.ts`). Changing the kind replaces the
 * response with that kind's defaults.
 *
 * @fires builder-edit - `{ pointer, value }` for every change
 */
@customElement('tc-builder-response')
export class TcBuilderResponse extends LitElement {
  static override styles = [shared, builderStyles, css`:host { display: block; }`];

  /** The response being edited. */
  @property({ attribute: false }) response!: Response;
  /** Its JSON Pointer in the set. */
  @property() pointer = '';
  /** core's problems by field pointer. */
  @property({ attribute: false }) problems: ProblemIndex = new Map();

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const r = this.response;
    const p = this.pointer;
    const ctx: FieldCtx = {
      problems: this.problems,
      emit: (pointer, value) => this.dispatchEvent(editEvent(pointer, value)),
    };
    const kinds = BUILDER_KIND_ORDER.map((k) => [k, bt(builderKind(k).label)] as const);
    return html`<fieldset class="stack" data-pointer=${p}>
      <legend>${bt('b.response')}</legend>
      ${selectField(ctx, bt('b.responseKind'), ptr(p, 'kind'), r.kind, kinds, {
        attr: 'response-kind',
        onChange: (k) => k && k !== r.kind && ctx.emit(p, defaultResponse(k as Response['kind'])),
      })}
      ${errors(problemsAt(this.problems, p), `${fid(p)}-err`)}
      ${builderKind(r.kind).fields(ctx, r, p)}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-response': TcBuilderResponse;
  }
}
