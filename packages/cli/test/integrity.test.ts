/**
 * Issue 15 on the command line: the shared hostile corpus through every command (same verdict as core's
 * verifier, line for line), escaping of file text in every command and format, FIFOs, devices and size limits,
 * `-` and `--out -`, --version, --help per command, `verify` and `rank --keys` with device signatures.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  attestationKeyId,
  buildStatement,
  lockAssessment,
  score,
  signStatement,
  verifyAssessment,
  verifyBundle,
  type Assessment,
  type PublicKeyJwk,
} from '@tieuchi/core';
import { main } from '../src/main.js';
import { formatProblems, readLimited } from '../src/io.js';
import { REPO, builtinSets, hostileCorpus } from '../../core/test/hostile-corpus.js';

const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-integrity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, doc: unknown): string => {
  const p = join(tmp, name);
  writeFileSync(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return p;
};

async function run(argv: string[], extra: { stdin?: () => Uint8Array | 'too-big' } = {}) {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  const code = await main(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: REPO,
    stdoutBytes: (b) => bytes.push(b),
    ...extra,
  });
  return { code, out, err, bytes };
}

const sets = builtinSets();
const findSet = (id: string, version: string) => sets.get(`${id}@${version}`);
const set = sets.get('qd1300-commune-health@2023.1')!;
const example = (name: string) =>
  JSON.parse(
    readFileSync(join(REPO, 'examples', 'qd1300-commune-health', `${name}.assessment.json`), 'utf8'),
  ) as Assessment;

describe('the shared hostile corpus through every CLI command', () => {
  const corpus = hostileCorpus();
  corpus.forEach((c, i) => {
    it(c.name, async () => {
      const bundleFile = write(`case-${i}.bundle.json`, c.bundle);
      const core = verifyBundle(c.bundle, { findSet });
      const v = await run(['validate', bundleFile, '--lang', 'en']);
      if (core.ok) expect(v.code, v.err).toBe(0);
      else {
        expect(v.code).toBe(1);
        // Same verdict, line for line: the CLI prints exactly core's problems.
        expect(v.err).toBe(formatProblems(bundleFile, core.errors, 'en') + '\n');
      }
      const vb = await run(['verify', bundleFile, '--lang', 'en']);
      expect(vb.code).toBe(core.ok ? 0 : 1);
      if (!core.ok) {
        // A report from a bundle (issue 20) is refused with core's problems too, before anything is written.
        const rb = await run(['report', bundleFile, '--out', join(tmp, `case-${i}.bundle.pdf`), '--lang', 'en']);
        expect(rb.code).toBe(1);
        for (const line of formatProblems(bundleFile, core.errors, 'en').split('\n')) expect(rb.err).toContain(line);
      }
      if (c.single === undefined) return;
      const f = write(`case-${i}.json`, c.single);
      const one = verifyAssessment(c.single, { findSet });
      const outPdf = join(tmp, `case-${i}.pdf`);
      const commands: string[][] = [
        ['validate', f],
        ['verify', f],
        ['score', f],
        ['score', f, '--json'],
        ['report', f, '--out', outPdf],
        ['rank', f],
        ['rank', f, '--csv'],
        ['aggregate', f],
        ['compare', f, f],
        ['reconcile', f, f],
        ['plan', f],
      ];
      for (const cmd of commands) {
        const r = await run([...cmd, '--lang', 'en']);
        if (one.ok) {
          // compare/reconcile of one file with itself may be refused for their own reasons; never for integrity.
          if (cmd[0] !== 'compare' && cmd[0] !== 'reconcile') expect(r.code, `${cmd.join(' ')}: ${r.err}`).toBe(0);
          continue;
        }
        expect(r.code, cmd.join(' ')).toBe(1);
        for (const line of formatProblems(f, one.errors, 'en').split('\n'))
          expect(r.err, cmd.join(' ')).toContain(line);
        expect(r.out, cmd.join(' ')).toBe('');
      }
    });
  });
  it('accepts 0 tampered files in any command', async () => {
    const tampered = corpus.filter((c) => c.codes.length && c.single !== undefined);
    expect(tampered.length).toBeGreaterThanOrEqual(9);
    let accepted = 0;
    for (const [i, c] of tampered.entries()) {
      const f = write(`t-${i}.json`, c.single);
      for (const cmd of [
        ['validate', f],
        ['score', f],
        ['rank', f],
        ['aggregate', f],
        ['plan', f],
      ])
        if ((await run(cmd)).code === 0) accepted++;
    }
    expect(accepted).toBe(0);
  });
});

describe('file text is escaped in every command and format', () => {
  const FAKE = 'Trạm A\u001b[2J\u001b[H\nKẾT QUẢ: ĐẠT\r\u202eX\u0007';
  const hostile = (): string => {
    const d = { ...example('fails-one-criterion'), status: 'draft' as const };
    d.facility = { ...d.facility, name: FAKE };
    d.note = FAKE;
    const locked = lockAssessment(d, set, '2026-12-01T09:00:00Z');
    return write('hostile-name.json', locked);
  };
  const clean = (raw: string): void => {
    const s = raw.replace(/\r\n/g, '\n'); // CSV's line ends
    expect(s).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(s.split('\n').some((l) => /^\s*KẾT QUẢ: ĐẠT/.test(l))).toBe(false);
  };
  it('score, rank, aggregate, compare, reconcile, verify: text, --csv and --json', async () => {
    const f = hostile();
    for (const cmd of [
      ['score', f],
      ['score', f, '--json'],
      ['rank', f],
      ['rank', f, '--csv'],
      ['rank', f, '--json'],
      ['aggregate', f, '--csv'],
      ['compare', f, f],
      ['compare', f, f, '--csv'],
      ['verify', f],
      ['validate', f],
      ['plan', f],
      ['plan', f, '--csv'],
    ]) {
      const r = await run(cmd);
      clean(r.out);
      clean(r.err);
    }
    const rank = await run(['rank', f]);
    expect(rank.out).toContain('Trạm A\\u001b[2J\\u001b[H\\u000aKẾT QUẢ: ĐẠT');
  });
  it('in error lines and file names too', async () => {
    const d = { ...example('pass'), id: 'x\u001b[31m' };
    const f = write('bad\u001bname.json', d);
    const r = await run(['validate', f]);
    expect(r.code).toBe(1);
    clean(r.err);
    const k = await run(['validate', write('kind.json', { kind: 'a\u001bb\nKẾT QUẢ: ĐẠT' })]);
    clean(k.err);
  });
});

describe('what is read: FIFOs, devices, size, standard input', () => {
  it('refuses a FIFO in one line instead of hanging', async () => {
    const fifo = join(tmp, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    for (const cmd of ['validate', 'score', 'verify']) {
      const r = await run([cmd, fifo, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/pipe\.json: is a FIFO \(named pipe\), not read\n$/);
    }
  });
  it('refuses device files in one line (/dev/zero would never end)', async () => {
    for (const dev of ['/dev/zero', '/dev/null', '/dev/urandom']) {
      const r = await run(['validate', dev, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`tieuchi: ${dev}: is a device, not read\n`.replace('tieuchi: ', '')); // validate names the file
    }
    const s = await run(['score', '/dev/zero', '--lang', 'en']);
    expect(s.err).toBe('tieuchi: /dev/zero: is a device, not read\n');
  });
  it('refuses a file over the size limit without reading it', async () => {
    const big = join(tmp, 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024 + 1); // sparse: no disk used
    closeSync(fd);
    const r = await run(['validate', big, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/big\.json: file is larger than the 200 MB limit\n$/);
  });
  it('reads - as standard input', async () => {
    const text = readFileSync(join(REPO, 'examples', 'qd1300-commune-health', 'fails-one-criterion.assessment.json'));
    const r = await run(['score', '-', '--lang', 'en'], { stdin: () => new Uint8Array(text) });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Total: 85/100 (85.0%)');
    const v = await run(['validate', '-'], { stdin: () => new Uint8Array(text) });
    expect(v.out).toBe('✓ -: assessment\n');
  });
  it('refuses endless standard input (/dev/zero piped in) at the size limit', async () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      const r = await run(['validate', '-', '--lang', 'en'], { stdin: () => readLimited(fd) });
      expect(r.code).toBe(1);
      expect(r.err).toBe('-: larger than the 200 MB limit\n');
    } finally {
      closeSync(fd);
    }
  });
  it('the installed command (bin/tieuchi.js, built dist) refuses a FIFO, a device and endless standard input, and pipes a PDF', () => {
    const bin = join(REPO, 'packages', 'cli', 'bin', 'tieuchi.js');
    const fifo = join(tmp, 'bin-pipe.json');
    execFileSync('mkfifo', [fifo]);
    const opts = { encoding: 'utf8' as const, timeout: 30_000 };
    const f = spawnSync(process.execPath, [bin, 'validate', fifo, '--lang', 'en'], opts);
    expect([f.status, f.stderr]).toEqual([1, `${fifo}: is a FIFO (named pipe), not read\n`]);
    const z = spawnSync(process.execPath, [bin, 'score', '/dev/zero', '--lang', 'en'], opts);
    expect([z.status, z.stderr]).toEqual([1, 'tieuchi: /dev/zero: is a device, not read\n']);
    const zero = openSync('/dev/zero', 'r');
    try {
      const s = spawnSync(process.execPath, [bin, 'validate', '-', '--lang', 'en'], {
        ...opts,
        stdio: [zero, 'pipe', 'pipe'],
      });
      expect([s.status, s.stderr]).toEqual([1, '-: larger than the 200 MB limit\n']);
    } finally {
      closeSync(zero);
    }
    const example = readFileSync(join(REPO, 'examples', 'qd1300-commune-health', 'pass.assessment.json'));
    const pdf = spawnSync(process.execPath, [bin, 'report', '-', '--out', '-'], { timeout: 60_000, input: example });
    expect(pdf.status).toBe(0);
    expect(pdf.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(spawnSync(process.execPath, [bin, '--version'], opts).stdout).toMatch(/^tieuchi \d+\.\d+\.\d+\n$/);
  });
  it('writes the PDF to standard output with --out -', async () => {
    const r = await run([
      'report',
      join(REPO, 'examples', 'qd1300-commune-health', 'pass.assessment.json'),
      '--out',
      '-',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(Buffer.from(r.bytes[0]!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('--version and --help per command', () => {
  it('prints the version', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'packages', 'cli', 'package.json'), 'utf8'));
    expect((await run(['--version'])).out).toBe(`tieuchi ${pkg.version}\n`);
    expect((await run(['-V'])).code).toBe(0);
  });
  it("prints one command's help", async () => {
    for (const cmd of [
      'validate',
      'score',
      'report',
      'compare',
      'reconcile',
      'rank',
      'aggregate',
      'verify',
      'import-table',
      'export-table',
      'plan',
    ]) {
      const r = await run([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out.startsWith(`tieuchi ${cmd} `)).toBe(true);
      expect(r.out).not.toContain('Usage:');
    }
  });
});

describe('tieuchi verify and rank --keys: device signatures', () => {
  const subtle = webcrypto.subtle;
  async function key() {
    const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', pair.publicKey);
    const publicKey: PublicKeyJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
    return { privateKey: pair.privateKey, publicKey, keyId: attestationKeyId(publicKey) };
  }
  async function signed(name: string, k: Awaited<ReturnType<typeof key>>, id?: string): Promise<Assessment> {
    const d = {
      ...example(name),
      ...(id ? { id } : {}),
      status: 'draft' as const,
      signatures: [{ role: 'assessor' as const, name: 'Nguyễn Thị Thử' }],
    };
    const locked = lockAssessment(d, set, '2026-12-01T02:00:00Z');
    const r = score(set, locked);
    if (!r.ok) throw new Error('no score');
    const st = buildStatement({
      assessment: locked,
      result: r.value,
      signer: { name: 'Nguyễn Thị Thử', role: 'assessor' },
      signedAt: '2026-12-01T02:00:00Z',
      keyId: k.keyId,
    });
    return { ...locked, attestations: [await signStatement(st, k.privateKey, k.publicKey, subtle)] };
  }
  it('says who signed, whether it is valid and whether the key is registered', async () => {
    const k = await key();
    const f = write('signed.json', await signed('fails-one-criterion', k));
    const keys = write('keys.json', {
      kind: 'device-keys',
      keys: [{ publicKey: k.publicKey, label: 'Tablet TYT An Khánh' }],
    });
    const reg = await run(['verify', f, '--keys', keys]);
    expect(reg.code).toBe(0);
    expect(reg.out).toContain('thiết bị ký: Nguyễn Thị Thử (người đánh giá), 01/12/2026 09:00');
    expect(reg.out).toContain('hợp lệ; khoá đã đăng ký (Tablet TYT An Khánh)');
    expect(reg.out).not.toMatch(/chữ ký số/i);
    const unknown = await run(['verify', f, '--lang', 'en']);
    expect(unknown.out).toContain('valid; unknown key (not registered with the council)');
    const revoked = write('revoked.json', {
      kind: 'device-keys',
      keys: [{ publicKey: k.publicKey, revokedAt: '2026-12-01T00:00:00Z' }],
    });
    expect(
      (await run(['verify', f, '--keys', revoked, '--received-at', '2026-12-02T00:00:00Z', '--lang', 'en'])).out,
    ).toContain('key REVOKED');
    expect(
      (await run(['verify', f, '--keys', revoked, '--received-at', '2026-11-30T00:00:00Z', '--lang', 'en'])).out,
    ).toContain('registered key');
    const unsigned = await run(['verify', join(REPO, 'examples', 'qd1300-commune-health', 'pass.assessment.json')]);
    expect(unsigned.code).toBe(0);
    expect(unsigned.out).toContain('mã băm khớp');
    expect(unsigned.out).toContain('chưa ký');
  });
  it('a signature edited after signing is NOT valid (exit 1)', async () => {
    const k = await key();
    const a = await signed('fails-one-criterion', k);
    const att = a.attestations![0]!;
    const forged = { ...a, attestations: [{ ...att, statement: { ...att.statement, decision: 'pass' as const } }] };
    const r = await run(['verify', write('forged.json', forged), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('NOT valid');
  });
  it('a drawn signature added after signing makes the file fail; on an unsigned file it is named as unprotected', async () => {
    const k = await key();
    const a = await signed('fails-one-criterion', k);
    const added = { ...a, signatures: [...(a.signatures ?? []), { role: 'facility-head' as const, name: 'Thêm sau' }] };
    const r = await run(['verify', write('added.json', added), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'drawn signature not covered by a device signature: Thêm sau (head of facility) — added or changed after signing',
    );
    const { attestations: _x, ...unsigned } = a;
    const u = await run(['verify', write('unsigned-drawn.json', unsigned), '--lang', 'en']);
    expect(u.code).toBe(0);
    expect(u.out).toContain('not signed');
    expect(u.out).toContain('drawn signature not covered by a device signature: Nguyễn Thị Thử (assessor)');
  });
  it('rank --keys ranks only assessments signed by a registered device', async () => {
    const k = await key();
    const other = await key();
    const a = write('ra.json', await signed('pass', k));
    const b = write('rb.json', await signed('fails-one-criterion', other, 'rb'));
    const keys = write('rkeys.json', { kind: 'device-keys', keys: [{ publicKey: k.publicKey }] });
    const r = await run(['rank', a, b, '--keys', keys, '--json']);
    expect(r.code, r.err).toBe(0);
    // rb's signature is valid but its key is not registered: --json lists only what is ranked.
    expect(JSON.parse(r.out).rows.map((x: { assessmentId?: string; facilityId: string }) => x.facilityId)).toEqual([
      'cantho-tyt-an-khanh',
    ]);
    const text = await run(['rank', a, b, '--keys', keys]);
    expect(text.out).toContain('không có chữ ký của thiết bị đã đăng ký (không xếp hạng)');
    const bad = await run([
      'rank',
      a,
      '--keys',
      write('badkeys.json', { kind: 'device-keys', keys: [{ publicKey: { kty: 'EC' } }] }),
      '--lang',
      'en',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('/keys/0: not a valid keys file');
  });
});
