/**
 * Hash routes: the app is one static page, so deep links work from any static host and offline.
 *   #/            home           #/new          new assessment
 *   #/a/ID        fill in        #/a/ID/s/SEC   fill in, at a section
 *   #/a/ID/submit                #/a/ID/results
 *   #/io          import / export   #/io/ID  ... with one assessment preselected
 *   #/b           criteria-set builder (drafts, sets)   #/b/DRAFT  editing one draft
 *   #/a/ID/plan   improvement plan  #/compare/A/B   #/reconcile/SELF/INSPECTION
 *   #/dashboard   council / contest #/merge[/LEAD]  team inspection merge
 *   #/settings    council server: enrol, sync, leave   #/admin  council admin (people, devices, campaigns)
 */
export type Route =
  | { view: 'home' }
  | { view: 'builder'; draft?: string }
  | { view: 'new' }
  | { view: 'io'; id?: string }
  | { view: 'fill'; id: string; section?: string }
  | { view: 'submit'; id: string }
  | { view: 'results'; id: string }
  | { view: 'plan'; id: string }
  | { view: 'compare'; a?: string; b?: string }
  | { view: 'reconcile'; a?: string; b?: string }
  | { view: 'dashboard' }
  | { view: 'merge'; id?: string }
  | { view: 'settings' }
  | { view: 'admin' };

/** Parses a location hash into a route (unknown hashes go home). */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { view: 'new' };
  if (parts[0] === 'io') return parts[1] ? { view: 'io', id: parts[1] } : { view: 'io' };
  if (parts[0] === 'b') return parts[1] ? { view: 'builder', draft: parts[1] } : { view: 'builder' };
  if (parts[0] === 'compare' || parts[0] === 'reconcile')
    return { view: parts[0], ...(parts[1] ? { a: parts[1] } : {}), ...(parts[2] ? { b: parts[2] } : {}) };
  if (parts[0] === 'dashboard') return { view: 'dashboard' };
  if (parts[0] === 'settings') return { view: 'settings' };
  if (parts[0] === 'admin') return { view: 'admin' };
  if (parts[0] === 'merge') return parts[1] ? { view: 'merge', id: parts[1] } : { view: 'merge' };
  if (parts[0] === 'a' && parts[1]) {
    const id = parts[1];
    if (parts[2] === 'submit') return { view: 'submit', id };
    if (parts[2] === 'results') return { view: 'results', id };
    if (parts[2] === 'plan') return { view: 'plan', id };
    if (parts[2] === 's' && parts[3]) return { view: 'fill', id, section: parts[3] };
    return { view: 'fill', id };
  }
  return { view: 'home' };
}

/** The hash for a route. */
export function href(r: Route): string {
  switch (r.view) {
    case 'home':
      return '#/';
    case 'builder':
      return r.draft ? `#/b/${encodeURIComponent(r.draft)}` : '#/b';
    case 'new':
      return '#/new';
    case 'io':
      return r.id ? `#/io/${encodeURIComponent(r.id)}` : '#/io';
    case 'fill':
      return `#/a/${encodeURIComponent(r.id)}${r.section ? `/s/${encodeURIComponent(r.section)}` : ''}`;
    case 'submit':
      return `#/a/${encodeURIComponent(r.id)}/submit`;
    case 'results':
      return `#/a/${encodeURIComponent(r.id)}/results`;
    case 'plan':
      return `#/a/${encodeURIComponent(r.id)}/plan`;
    case 'compare':
    case 'reconcile':
      return `#/${r.view}${[r.a, r.b]
        .filter((x) => x !== undefined)
        .map((x) => `/${encodeURIComponent(x!)}`)
        .join('')}`;
    case 'dashboard':
      return '#/dashboard';
    case 'merge':
      return r.id ? `#/merge/${encodeURIComponent(r.id)}` : '#/merge';
    case 'settings':
      return '#/settings';
    case 'admin':
      return '#/admin';
  }
}

/** Navigates to a route. */
export const go = (r: Route): void => {
  location.hash = href(r);
};
