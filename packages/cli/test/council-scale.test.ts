import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import {
  aggregate,
  attestationKeyId,
  buildStatement,
  lockAssessment,
  rankByImprovement,
  rankByScore,
  score,
  signStatement,
  type Assessment,
  type Scored,
} from '@tieuchi/core';
import { main, loadAssessment } from '../src/main.js';
import { readFileLimited, readText } from '../src/io.js';
import { slimScored } from '../src/loop-commands.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ex = (name: string) => join(root, 'examples', 'qd1300-commune-health', `${name}.assessment.json`);
const files = [
  ...['thanh-tien', 'thuan-hung', 'thuong-thanh'].flatMap((s) => [ex(`${s}-2025-baseline`), ex(`${s}-2026-followup`)]),
  ex('pass'),
  ex('fails-one-criterion'),
  ex('not-applicable'),
];
const io = { stdout: () => {}, stderr: () => {}, cwd: root };

/** Every example, loaded and scored whole, as the commands did before they kept only what they read. */
const full = (): Scored[] =>
  files.map((f) => {
    const { assessment, set } = loadAssessment(f, undefined, io, 'en');
    const r = score(set, assessment);
    if (!r.ok) throw new Error(f);
    return { set, assessment, result: r.value };
  });

async function json(...argv: string[]): Promise<unknown> {
  let out = '';
  const code = await main([...argv, '--json'], { ...io, stdout: (s) => (out += s) });
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('rank and aggregate over many files', () => {
  it('keep only what ranking and aggregating read: the same results as with the whole documents', () => {
    const whole = full();
    const slim = whole.map((s) => slimScored(s));
    const ranked = whole.map((s) => slimScored(s, false));
    expect(ranked.every((s) => s.result.sections.length === 0)).toBe(true);
    for (const by of ['gain', 'gap-closed'] as const)
      expect(rankByImprovement(ranked, '2025-r1', '2026-r1', by)).toEqual(
        rankByImprovement(whole, '2025-r1', '2026-r1', by),
      );
    expect(rankByScore(ranked)).toEqual(rankByScore(whole));
    expect(JSON.stringify(slim)).not.toBe(JSON.stringify(whole)); // something was dropped
    for (const by of ['gain', 'gap-closed'] as const)
      expect(rankByImprovement(slim, '2025-r1', '2026-r1', by)).toEqual(
        rankByImprovement(whole, '2025-r1', '2026-r1', by),
      );
    expect(rankByScore(slim)).toEqual(rankByScore(whole));
    expect(rankByScore(slim, '2026-r1')).toEqual(rankByScore(whole, '2026-r1'));
    expect(aggregate(slim)).toEqual(aggregate(whole));
  });

  it('print what core computes from the whole documents', async () => {
    const whole = full();
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(await json('rank', ...files, '--baseline', '2025-r1', '--followup', '2026-r1')).toEqual(
      plain(rankByImprovement(whole, '2025-r1', '2026-r1')),
    );
    expect(await json('aggregate', ...files)).toEqual(plain(aggregate(whole)));
  });

  it('read the set given with --set once per run, also when it is standard input', async () => {
    const set = join(root, 'criteria', 'qd1300-commune-health.json');
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(set);
    let reads = 0;
    let out = '';
    const code = await main(['aggregate', ...files, '--set', '-', '--json'], {
      ...io,
      stdout: (s) => (out += s),
      stdin: () => (reads++, new Uint8Array(bytes)),
    });
    expect(code).toBe(0);
    expect(reads).toBe(1);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(aggregate(full()))));
  });
});

describe('reading a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file whole, whatever its size against the first buffer', () => {
    for (const n of [0, 1, 4095, 70_000]) {
      const p = join(dir, `f${n}`);
      writeFileSync(p, 'x'.repeat(n));
      expect(readText(p, 'en')).toHaveLength(n);
    }
  });

  it('reads on when the file grew after its size was taken', () => {
    const p = join(dir, 'grows');
    writeFileSync(p, 'abc');
    appendFileSync(p, 'defgh'); // checked at 3 bytes, now 8
    const fd = openSync(p, 'r');
    try {
      expect(new TextDecoder().decode(readFileLimited(fd, 3) as Uint8Array)).toBe('abcdefgh');
    } finally {
      closeSync(fd);
    }
  });
});

// Workers start slowly on a loaded machine: these tests may take longer than the file's default.
describe('rank and aggregate in worker threads (the built CLI)', { timeout: 90_000 }, () => {
  const dist = join(root, 'packages', 'cli', 'dist');
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 9 examples x 8 = 72 files: three batches of 32 over two workers, answered in any order
  const many = Array.from({ length: 8 }, () => files).flat();

  async function run(m: typeof main, argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await m(argv, { ...io, stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  }

  async function both(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const built = (await import(join(dist, 'main.js'))) as { main: typeof main };
    const pool = (await import(join(dist, 'pool.js'))) as { lastRunWorkers: number };
    const before = process.env.TIEUCHI_WORKERS;
    process.env.TIEUCHI_WORKERS = '2';
    let workers: ReturnType<typeof run> extends Promise<infer R> ? R : never;
    try {
      workers = await run(built.main, argv);
      expect(pool.lastRunWorkers).toBe(2);
    } finally {
      if (before === undefined) delete process.env.TIEUCHI_WORKERS;
      else process.env.TIEUCHI_WORKERS = before;
    }
    const one = await run(main, argv); // the sources: one thread
    expect(workers).toEqual(one);
    return one;
  }

  it('print byte for byte what one thread prints, in argument order', async () => {
    await both(['aggregate', ...many]);
    await both(['aggregate', ...many, '--json', '--lang', 'en']);
    await both(['rank', ...many, '--baseline', '2025-r1', '--followup', '2026-r1']);
    await both(['rank', ...many, '--csv']);
    await both(['aggregate', ...many, '--set', join(root, 'criteria', 'qd1300-commune-health.json')]);
  });

  it('stop at the first bad file in argument order, with its problems, as one thread does', async () => {
    const a = JSON.parse(readFileSync(files[0]!, 'utf8'));
    a.facility.name = 'changed after locking';
    const tampered = join(dir, 'tampered.assessment.json');
    writeFileSync(tampered, JSON.stringify(a));
    // The last file of the first batch is bad, and the first of the second: the second worker finds its bad file
    // first, but the first one in argument order is the one reported.
    const bad = [...many.slice(0, 31), join(dir, 'missing.json'), tampered, ...many.slice(31)];
    const r = await both(['aggregate', ...bad]);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toContain('missing.json');
    expect(r.err).not.toContain('tampered');
    const late = [...many.slice(0, 70), tampered, join(dir, 'missing.json')];
    expect((await both(['rank', ...late, '--lang', 'en'])).err).toContain('tampered.assessment.json: /');
  });

  it('rank --keys: each worker checks the device signatures; only registered ones are ranked', async () => {
    const subtle = webcrypto.subtle;
    const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', pair.publicKey);
    const publicKey = { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x!, y: jwk.y! };
    const { assessment: a, set } = loadAssessment(ex('pass'), undefined, io, 'en');
    const locked = lockAssessment({ ...a, status: 'draft' }, set, '2026-12-01T02:00:00Z');
    const r = score(set, locked);
    if (!r.ok) throw new Error('no score');
    const statement = buildStatement({
      assessment: locked,
      result: r.value,
      signer: { name: 'Nguyễn Thị Thử', role: 'assessor' },
      signedAt: '2026-12-01T02:00:00Z',
      keyId: attestationKeyId(publicKey),
    });
    const signed: Assessment = {
      ...locked,
      attestations: [await signStatement(statement, pair.privateKey, publicKey, subtle)],
    };
    const signedFile = join(dir, 'signed.assessment.json');
    writeFileSync(signedFile, JSON.stringify(signed));
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify({ kind: 'device-keys', keys: [{ publicKey }] }));
    // the signed file in the second batch (the second worker): every other file is unsigned and listed as not ranked
    const r1 = await both(['rank', ...many.slice(0, 40), signedFile, '--keys', keys, '--json']);
    expect(JSON.parse(r1.out).rows.map((x: { facilityId: string }) => x.facilityId)).toEqual([a.facility.id]);
    const r2 = await both(['rank', ...many.slice(0, 40), signedFile, '--keys', keys, '--lang', 'en']);
    expect(
      r2.out.split('\n').filter((l) => l.endsWith(': no signature by a registered device (not ranked)')),
    ).toHaveLength(40);
  });
});
