import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * A new bearer token or long one-time code: 32 random bytes, base64url (43 characters).
 * Only its {@link hashToken} is stored, so a copy of the database gives no one a working token.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a high-entropy token: what the database stores and looks tokens up by. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Letters and digits that cannot be mistaken for one another when typed from a screen (no 0/O, 1/I/L). */
const SHORT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A short code to type by hand: 10 characters shown as `XXXXX-XXXXX` (~49 bits). It is single-use,
 * expires, and the enrolment route is rate-limited, so it needs no more entropy.
 */
export function newShortCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += SHORT_ALPHABET[randomInt(SHORT_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Normalises a typed short code (case, spaces, dashes) before hashing it. */
export function normaliseShortCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, ~50–100 ms here), stored with the hash so it can be raised. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 } as const;

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, { N, r, p, maxmem: 128 * N * r * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * Hashes a password with node:crypto's scrypt (OpenSSL's implementation) and a random salt.
 * @returns `scrypt$N$r$p$salt$hash` (salt and hash base64url).
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Checks a password against a stored {@link hashPassword} string in constant time.
 * A malformed stored string is a mismatch, never a throw.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length < 16) return false;
  const key = await scryptAsync(password, Buffer.from(parts[4]!, 'base64url'), N, r, p, expected.length);
  return timingSafeEqual(key, expected);
}

/** The first admin's one-time code, printed at start: 20 characters as `XXXXX-XXXXX-XXXXX-XXXXX` (~98 bits). */
export function newAdminCode(): string {
  return `${newShortCode()}-${newShortCode()}`;
}

/** The stored hash of a first-admin code, after the same normalising as short codes (case, spaces, dashes). */
export function hashAdminCode(code: string): string {
  return hashToken(`admin:${normaliseShortCode(code)}`);
}
