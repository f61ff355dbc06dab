/** The security headers are defined once; the meta tag and every documented deployment follow that definition. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, CSP_META, SECURITY_HEADERS } from '../scripts/security-headers.mjs';

const deploy = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'deploy.md'), 'utf8');

describe('security headers', () => {
  it('forbid framing, eval and inline code or styles', () => {
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toMatch(/unsafe-(eval|inline)/);
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    expect(CSP_META).toBe(CSP.replace("; frame-ancestors 'none'", '')); // a meta tag may not carry frame-ancestors
  });
  it('docs/deploy.md sends exactly these values from Caddy and from nginx', () => {
    const caddy = deploy.slice(deploy.indexOf('```caddy'), deploy.indexOf('```', deploy.indexOf('```caddy') + 3));
    expect(caddy).toContain(`Content-Security-Policy "${CSP}"`);
    expect(caddy).toContain('X-Content-Type-Options "nosniff"');
    expect(caddy).toContain('Referrer-Policy "no-referrer"');
    expect(deploy).toContain(`add_header Content-Security-Policy "${CSP}" always;`);
    expect(deploy).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(deploy).toContain('add_header Referrer-Policy "no-referrer" always;');
  });
});
