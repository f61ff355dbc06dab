/**
 * The HTTP security headers the server sends with every answer (the app's pages and the API alike).
 * ONE function on purpose: the integrity issue defines the app's header set in
 * packages/forms-pwa/scripts/security-headers.mjs; at merge this function is pointed at that module, and nothing
 * else in the server names a header.
 *
 * The CSP matches the one the app's build puts in its <meta> tag (packages/forms-pwa/vite.config.ts), plus
 * `frame-ancestors`, which only works as a header. `connect-src 'self'` holds because app and API share one origin.
 */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "img-src 'self' blob: data:",
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self'",
      "worker-src 'self'",
      "connect-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(self), geolocation=(), microphone=()',
  };
}
