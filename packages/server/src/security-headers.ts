/**
 * The HTTP security headers the server sends with every answer (the app's pages and the API alike): exactly the
 * app's own definition (packages/forms-pwa/scripts/security-headers.mjs), which the static start server, the
 * build's meta tag and the documented deployments also use. One definition, so a policy change is one edit.
 * `connect-src 'self'` holds because the app and the API share one origin.
 */
import { SECURITY_HEADERS } from '@tieuchi/forms-pwa/security-headers';

export function securityHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS };
}
