/**
 * The security headers of the app, defined once: the start server (`scripts/serve.mjs`, also what every e2e test
 * serves), the build's meta tag (`vite.config.ts`) and the deployments in docs/deploy.md all use these.
 *
 * - Content-Security-Policy: no 'unsafe-eval' (core's validators are pre-generated ajv standalone code) and no
 *   'unsafe-inline' for scripts or styles (Lit styles are constructable stylesheets; the few inline styles go
 *   through Lit's `styleMap`, which sets them through the CSSOM); `frame-ancestors 'none'`: no page may frame the
 *   app (a meta tag cannot say this: only the header can). Sent as a header, it also governs the report worker and
 *   the service worker (`sw.js`), which a meta tag does not.
 * - X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (nothing of the app's URLs leaves it).
 */

/** The CSP directives, in order. `frame-ancestors` only works in a header (browsers ignore it in a meta tag). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** The policy as sent in the header. */
export const CSP = CSP_DIRECTIVES.join('; ');

/** The policy for the meta tag of index.html: the same without `frame-ancestors`, which a meta tag may not carry. */
export const CSP_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/** Every header the app is served with, on every response. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
