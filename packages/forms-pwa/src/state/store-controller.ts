import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Assessment, CriteriaSet, ScoreResult } from '../core.js';
import { ChangeController } from '../controllers/change.js';
import { t } from '../i18n.js';
import { appStore, type AppStore } from './store.js';

/** An assessment found in the store with its set and core's score. */
export interface FoundAssessment {
  assessment: Assessment;
  set: CriteriaSet;
  result: ScoreResult;
}

/**
 * Re-renders its host whenever the app store changes, and finds the assessment a view is about: the one "not
 * found" guard of the views that show an assessment (fill, submit, results, plan).
 */
export class StoreController extends ChangeController {
  readonly store: AppStore;

  constructor(host: ReactiveControllerHost, store: AppStore = appStore()) {
    super(host, store);
    this.store = store;
  }

  /** The assessment `id` with its set and score, or undefined (render {@link missing} instead). */
  find(id: string): FoundAssessment | undefined {
    const assessment = this.store.assessments.get(id);
    const set = assessment && this.store.setFor(assessment);
    const result = assessment && this.store.resultFor(assessment);
    return assessment && set && result ? { assessment, set, result } : undefined;
  }

  /** What a view shows when {@link find} found nothing: "loading" until the store is ready, then "not found". */
  missing(): TemplateResult {
    return html`<p>${this.store.ready ? t('app.notFound') : t('app.loading')}</p>`;
  }
}
