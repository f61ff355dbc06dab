/**
 * The shared hostile corpus (issue 15): generated here, never committed as files, and fed to core's verifier,
 * every CLI command and the app's import, which must all give the same verdict. Each case is a bundle (and, when
 * the case is about one assessment, that assessment alone) with the problem codes the verifier must report.
 *
 * Built from the repository's own example (a submitted, hashed QĐ 1300 assessment that passes) and its set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  contentHash,
  lockAssessment,
  sha256Hex,
  type Assessment,
  type Bundle,
  type CriteriaSet,
} from '../src/index.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The built-in criteria sets (what the CLI finds in ./criteria and the app ships). */
export function builtinSets(): Map<string, CriteriaSet> {
  const out = new Map<string, CriteriaSet>();
  for (const f of readdirSync(join(REPO, 'criteria')).filter((x) => x.endsWith('.json'))) {
    const s = JSON.parse(readFileSync(join(REPO, 'criteria', f), 'utf8')) as CriteriaSet;
    out.set(`${s.id}@${s.version}`, s);
  }
  return out;
}

export interface HostileCase {
  name: string;
  /** The case as an exchange bundle. */
  bundle: unknown;
  /** The one assessment the case is about, when it can stand alone (every assessment command gets it). */
  single?: unknown;
  /** Problem codes the verifier must report (empty: the file is accepted). */
  codes: string[];
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const NOW = '2026-11-30T08:00:00Z';

/** Deterministic pseudo-random bytes (no wall clock, no Math.random: the corpus is the same every run). */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64');

/** The corpus. `accepted` cases are controls: a verifier that refuses everything fails them. */
export function hostileCorpus(): HostileCase[] {
  const sets = builtinSets();
  const set = sets.get('qd1300-commune-health@2023.1')!;
  const pass = JSON.parse(
    readFileSync(join(REPO, 'examples', 'qd1300-commune-health', 'pass.assessment.json'), 'utf8'),
  ) as Assessment;
  const photo = bytes(2048, 7);
  const photoHash = sha256Hex(photo);
  // A locked assessment with one evidence photo, locked the way the app locks.
  const withPhoto = clone(pass);
  withPhoto.id = 'hostile-locked';
  withPhoto.answers['t1.1'] = { ...withPhoto.answers['t1.1'], evidence: [photoHash] };
  delete withPhoto.contentHash;
  const locked = lockAssessment({ ...withPhoto, status: 'draft' }, set, NOW);
  const photoEntry = { hash: photoHash, mime: 'image/jpeg' as const, dataBase64: b64(photo) };
  const bundle = (assessments: unknown[], extra: Partial<Bundle> = {}): Bundle =>
    ({ schemaVersion: 1, kind: 'bundle', createdAt: NOW, assessments, ...extra }) as Bundle;
  const draft = (answers: Record<string, unknown>): Assessment => {
    const d = clone(pass) as Assessment & Record<string, unknown>;
    d.id = 'hostile-draft';
    d.status = 'draft';
    delete d.contentHash;
    delete d.submittedAt;
    d.answers = { ...d.answers, ...(answers as Assessment['answers']) };
    return d;
  };
  const cases: HostileCase[] = [];
  /** A case about one assessment; `bundleOnly` when the problem lies in what travels with it (photos, plans). */
  const one = (name: string, a: unknown, codes: string[], extra: Partial<Bundle> = {}, bundleOnly = false): void => {
    cases.push(
      bundleOnly ? { name, bundle: bundle([a], extra), codes } : { name, bundle: bundle([a], extra), single: a, codes },
    );
  };

  one('control: a locked assessment with its photo', locked, [], { photos: [photoEntry] });
  one('control: a draft', draft({}), []);

  const noHash = clone(locked) as Assessment;
  delete noHash.contentHash;
  noHash.answers['t1.1'] = { value: 'not-met' };
  one('locked, contentHash deleted and a score edited', noHash, ['verify.hash-missing']);

  const edited = clone(locked);
  edited.answers['t1.2'] = { value: 'not-met' };
  one('locked, an answer edited after locking', edited, ['verify.hash-mismatch']);

  const renamed = clone(locked);
  renamed.facility.name = 'Trạm khác';
  one('locked, facility renamed after locking', renamed, ['verify.hash-mismatch']);

  const submittedNoHash = clone(pass) as Assessment;
  delete submittedNoHash.contentHash;
  one('submitted without any content hash', submittedNoHash, ['verify.hash-missing']);

  const noPin = clone(pass) as Assessment;
  delete noPin.criteriaSet.contentHash;
  delete noPin.contentHash;
  noPin.contentHash = contentHash(noPin);
  one('submitted, pins no set hash', noPin, ['verify.set-hash-missing']);

  // A copy of the set with one threshold raised and the SAME id and version, shipped inside the bundle.
  const raised = clone(set);
  raised.scoring.passRules = raised.scoring.passRules!.map((r) =>
    r.kind === 'total-percent-at-least' ? { ...r, percent: 99 } : r,
  );
  cases.push({
    name: 'set copy with a raised threshold, same id and version',
    bundle: bundle([locked], { criteriaSets: [raised], photos: [photoEntry] }),
    codes: ['verify.set-differs'],
  });

  const dup = bundle([draft({}), draft({})]);
  cases.push({ name: 'duplicate assessment ids', bundle: dup, codes: ['verify.duplicate-assessment'] });

  one('answer to an unknown item', draft({ 'no-such-item': { value: 'met' } }), ['answer.unknown-item']);
  one('a value the item does not allow', draft({ 't1.1': { value: 'yes' } }), ['answer.bad-value']);

  const unknownSet = draft({});
  unknownSet.criteriaSet = { id: 'no-such-set', version: '1' };
  one('a set nobody has', unknownSet, ['verify.no-set']);

  const badPhoto = { ...photoEntry, dataBase64: b64(bytes(2048, 8)) };
  one('photo bytes that do not match their hash', locked, ['verify.photo-hash'], { photos: [badPhoto] }, true);

  const stray = bytes(4096, 9);
  one(
    'a photo nothing references',
    locked,
    ['verify.photo-unreferenced'],
    {
      photos: [photoEntry, { hash: sha256Hex(stray), mime: 'image/jpeg', dataBase64: b64(stray) }],
    },
    true,
  );

  one(
    'a plan for an assessment that is not there',
    draft({}),
    ['verify.plan-orphan'],
    {
      plans: [
        { schemaVersion: 1, kind: 'improvement-plan', id: 'p1', assessmentId: 'nobody', facilityId: 'f', actions: [] },
      ],
    },
    true,
  );
  one(
    'a plan action on an item the set does not have',
    draft({}),
    ['verify.plan-unknown-item'],
    {
      plans: [
        {
          schemaVersion: 1,
          kind: 'improvement-plan',
          id: 'p2',
          assessmentId: 'hostile-draft',
          facilityId: 'f',
          actions: [{ id: 'x', itemId: 'nope', status: 'planned' }],
        },
      ],
    },
    true,
  );

  const draftSigned = draft({}) as Assessment;
  draftSigned.attestations = [
    {
      statement: {
        type: 'tieuchi-attestation',
        version: 1,
        assessmentId: 'hostile-draft',
        assessmentHash: 'a'.repeat(64),
        setId: set.id,
        setVersion: set.version,
        setHash: 'b'.repeat(64),
        decision: 'pass',
        total: { points: '1', max: '1' },
        signer: { name: 'X', role: 'assessor' },
        signedAt: NOW,
        keyId: 'c'.repeat(64),
      },
      publicKey: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) },
      signature: 'A'.repeat(86),
    },
  ];
  one('a draft carrying a signed statement', draftSigned, ['attest.on-draft']);

  cases.push({
    name: 'not a bundle at all',
    bundle: { kind: 'bundle', assessments: 'x' },
    codes: ['schema.required', 'schema.type'],
  });
  return cases;
}
