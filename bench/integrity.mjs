/**
 * Integrity checks (issue 15): what core's one verifier costs. An import of 40 MB of photos nobody references
 * (which used to be decoded and stored: 40 MB in 5 s) is refused before decoding; the same photo referenced is
 * decoded and hashed; content hashes of many locked assessments; verifying one device signature (WebCrypto).
 * Writes bench/results/integrity.json; `pnpm bench integrity` puts the table into docs/benchmarks.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { webcrypto } from 'node:crypto';
import {
  attestationKeyId,
  buildStatement,
  lockAssessment,
  score,
  sha256Hex,
  signStatement,
  verifyAssessment,
  verifyAttestations,
  verifyBundle,
} from '../packages/core/dist/index.js';

const root = new URL('..', import.meta.url);
const set = JSON.parse(readFileSync(new URL('criteria/qd1300-commune-health.json', root), 'utf8'));
const pass = JSON.parse(readFileSync(new URL('examples/qd1300-commune-health/pass.assessment.json', root), 'utf8'));
const findSet = (id, v) => (id === set.id && v === set.version ? set : undefined);

/** Median of `runs` timings of `fn`, in ms. */
function time(fn, runs) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}
async function timeAsync(fn, runs) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

// 29 MB of bytes = 38.7 MB of base64, under the schema's 40 000 000-character limit per photo.
const bytes = new Uint8Array(29_000_000).map((_, i) => (i * 31 + (i >> 9)) & 255);
const hash = sha256Hex(bytes);
const dataBase64 = Buffer.from(bytes).toString('base64');
const draft = { ...pass, status: 'draft' };
delete draft.contentHash;
const bundle = (assessment) => ({
  schemaVersion: 1,
  kind: 'bundle',
  createdAt: '2026-12-01T00:00:00Z',
  assessments: [assessment],
  photos: [{ hash, mime: 'image/jpeg', dataBase64 }],
});
const unreferenced = bundle(draft);
const referenced = bundle({ ...draft, answers: { ...draft.answers, 't1.1': { value: 'met', evidence: [hash] } } });
const verdict = (r) => (r.ok ? 'accepted' : r.errors.map((e) => e.code).join(', '));

const rows = [];
rows.push({
  what: 'bundle with a 38.7 MB photo nothing references',
  ms: time(() => verifyBundle(unreferenced, { findSet }), 5),
  verdict: verdict(verifyBundle(unreferenced, { findSet })),
});
rows.push({
  what: 'the same photo, referenced: decoded and hashed',
  ms: time(() => verifyBundle(referenced, { findSet }), 3),
  verdict: verdict(verifyBundle(referenced, { findSet })),
});
const locked = Array.from({ length: 1000 }, (_, i) =>
  lockAssessment({ ...draft, id: `a-${i}` }, set, '2026-12-01T00:00:00Z'),
);
const perLocked = time(() => locked.forEach((a) => verifyAssessment(a, { findSet })), 5) / locked.length;
rows.push({
  what: 'one locked QĐ 1300 assessment (47 items): schema, set, pin, answers, content hash',
  ms: perLocked,
  verdict: verdict(verifyAssessment(locked[0], { findSet })),
});

const subtle = webcrypto.subtle;
const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
const jwk = await subtle.exportKey('jwk', pair.publicKey);
const publicKey = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
const result = score(set, locked[0]);
const st = buildStatement({
  assessment: locked[0],
  result: result.value,
  signer: { name: 'Nguyễn Thị Thử', role: 'assessor' },
  signedAt: '2026-12-01T00:00:00Z',
  keyId: attestationKeyId(publicKey),
});
const att = await signStatement(st, pair.privateKey, publicKey, subtle);
const signed = { ...locked[0], attestations: [att] };
rows.push({
  what: 'signing one statement at lock (WebCrypto ECDSA P-256)',
  ms: await timeAsync(() => signStatement(st, pair.privateKey, publicKey, subtle), 50),
  verdict: '—',
});
const keys = [{ publicKey }];
const v = await verifyAttestations(signed, { set, keys, subtle });
rows.push({
  what: 'verifying one signature, re-scoring the signed decision and totals',
  ms: await timeAsync(() => verifyAttestations(signed, { set, keys, subtle }), 50),
  verdict: v.checks[0].valid && v.registered ? 'valid, registered' : 'NOT valid',
});

const fmt = (ms) => (ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(2).replace('.', ',')} ms`);
const table = [
  `Node ${process.version}, ${os.cpus()[0].model.trim()} (${os.cpus().length} cores); median of repeated runs.`,
  '',
  '| what | time | verdict |',
  '| --- | ---: | --- |',
  ...rows.map((r) => `| ${r.what} | ${fmt(r.ms)} | ${r.verdict} |`),
].join('\n');
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/integrity.json', import.meta.url), `${JSON.stringify({ rows, table }, null, 2)}\n`);
console.log(table);
if (rows[0].verdict !== 'verify.photo-unreferenced' || rows[1].verdict !== 'accepted') process.exitCode = 1;
