/** Pure helpers: Vietnam days and campaign phases, secrets and password hashes. */
import { describe, expect, it } from 'vitest';
import { campaignPhase, isRealDay, vnDay } from '../src/data/vn-time.js';
import {
  hashAdminCode,
  hashPassword,
  hashToken,
  newAdminCode,
  newShortCode,
  normaliseShortCode,
  verifyPassword,
} from '../src/data/secrets.js';
import { readConfig } from '../src/config.js';

describe('Vietnam days', () => {
  it('puts 17:00 UTC on the next day in Hà Nội (UTC+7, no daylight saving)', () => {
    expect(vnDay(new Date('2026-12-01T16:59:59Z'))).toBe('2026-12-01');
    expect(vnDay(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
    expect(vnDay(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
  });
  it('keeps a campaign open through its closing day in Vietnam and closes it after', () => {
    expect(campaignPhase('2026-11-01', '2026-12-01', new Date('2026-12-01T16:59:00Z'))).toBe('open');
    expect(campaignPhase('2026-11-01', '2026-12-01', new Date('2026-12-01T17:00:00Z'))).toBe('closed');
    expect(campaignPhase('2026-11-01', '2026-12-01', new Date('2026-10-31T16:59:00Z'))).toBe('upcoming');
    expect(campaignPhase('2026-11-01', '2026-12-01', new Date('2026-10-31T17:00:00Z'))).toBe('open');
  });
});

describe('isRealDay', () => {
  it('accepts calendar days only', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].map(isRealDay)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-01', ''].map(isRealDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('secrets', () => {
  it('hashes passwords with a salt and verifies only the right one', async () => {
    const a = await hashPassword('mật khẩu dài đủ');
    const b = await hashPassword('mật khẩu dài đủ');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('mật khẩu dài đủ', a)).toBe(true);
    expect(await verifyPassword('mật khẩu dài đủ ', a)).toBe(false);
    // NFC and NFD spellings of the same Vietnamese text are the same password.
    expect(await verifyPassword('mật khẩu dài đủ'.normalize('NFD'), a)).toBe(true);
  });
  it('treats a malformed stored hash as a mismatch, never a throw', async () => {
    for (const bad of [
      null,
      '',
      'scrypt$1$2',
      'bcrypt$x$y$z$a$b',
      'scrypt$99999999$8$1$AAAA$BBBB',
      'scrypt$32768$8$1$AAAA$QQ',
    ]) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });
  it('makes short codes that survive retyping and admin codes of 20 characters', () => {
    const s = newShortCode();
    expect(s).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    expect(normaliseShortCode(` ${s.toLowerCase().replace('-', ' ')} `)).toBe(s.replace('-', ''));
    const a = newAdminCode();
    expect(normaliseShortCode(a)).toHaveLength(20);
    expect(hashAdminCode(a.toLowerCase())).toBe(hashAdminCode(a));
    expect(hashToken('x')).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });
});

describe('configuration', () => {
  it('defaults to PGlite in ./.tieuchi-data on 127.0.0.1:4173', () => {
    const c = readConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(`${process.cwd()}/.tieuchi-data`);
    expect([c.host, c.port, c.sessionSeconds, c.loginAttemptsPerMinute]).toEqual(['127.0.0.1', 4173, 43200, 10]);
  });
  it('refuses a bad port or lifetime', () => {
    expect(() => readConfig({ PORT: 'http' })).toThrow(/PORT/);
    expect(() => readConfig({ TIEUCHI_SESSION_SECONDS: '-1' })).toThrow(/TIEUCHI_SESSION_SECONDS/);
  });
});
