import type { Route } from '../router.js';

/**
 * Loads a view's code: each view is a chunk of its own that loads with its route (and is precached by the service
 * worker, so it works offline too). The shell calls it for the view it renders; a module loads once, later calls
 * return the same promise. (Calling it from `main.ts` for the route the page opens at, before the store's read, was
 * measured slower: ADR 0017, session 8.)
 */
export function loadView(view: Route['view']): Promise<unknown> {
  switch (view) {
    case 'home':
      // Home does not wait for fill-in's code, nor fill-in for home's.
      return import('./tc-home.js');
    case 'builder':
      return import('../builder/tc-builder.js'); // pulls in core's validators: loaded on first use only
    case 'new':
      return import('./tc-new-assessment.js'); // New, Submit and Results: not on home's or fill-in's start-up path
    case 'io':
      return import('../io/tc-io.js');
    case 'fill':
      return import('../fill/tc-fill.js');
    case 'submit':
      return import('../fill/tc-submit.js');
    case 'results':
      return import('../results/tc-results.js');
    case 'plan':
    case 'compare':
    case 'reconcile':
    case 'dashboard':
    case 'merge':
      return import('../loop/views.js'); // the improvement-loop views, one chunk
    case 'settings':
      // With the header's sync status, once enrolled here.
      return Promise.all([import('../sync/tc-settings.js'), import('../sync/tc-sync-status.js')]);
    case 'admin':
      return import('../sync/tc-admin.js');
  }
}
