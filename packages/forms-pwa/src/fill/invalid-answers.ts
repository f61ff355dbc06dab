import { html, nothing } from 'lit';
import type { Assessment, CriteriaSet } from '../core.js';
import { loc, locale, t } from '../i18n.js';
import { itemIndex } from '../model/assessment.js';
import { href } from '../router.js';
import type { InvalidAnswer } from '../state/store.js';
import { sbt } from './submit-messages.js';

/**
 * The box listing a draft's answers its set refuses (see `AppStore.invalidAnswers`): each item with the value
 * kept, core's reason and a link to the item, so the person can fix it. Nothing when there are none.
 */
export function invalidAnswersBox(a: Assessment, set: CriteriaSet, invalid: InvalidAnswer[]) {
  if (!invalid.length) return nothing;
  const idx = itemIndex(set);
  return html`<div class="card bad" role="alert" data-invalid-answers=${invalid.length}>
    <p>${t('invalid.title', { n: invalid.length })}</p>
    <ul>
      ${invalid.map((x) => {
        const place = idx.get(x.itemId);
        return html`<li data-item=${x.itemId}>
          ${place?.item.code ? html`<strong>${place.item.code}</strong> ` : nothing}${place ? loc(place.item.text) : x.itemId}
          — ${x.problem.message[locale()] ?? x.problem.message.vi}
          ${place ? html` <a href=${href({ view: 'fill', id: a.id, section: place.section.id })}>${sbt('submit.goto')}</a>` : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}
