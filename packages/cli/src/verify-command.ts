/**
 * `tieuchi verify`: for each assessment (alone or in a bundle), whether its content still matches its lock and,
 * for each signed statement, who signed, whether the signature is valid and whether the key is one the council
 * registered (`--keys`). A signature proves the device that locked the assessment, not the person: it is never
 * called "chữ ký số".
 */
import { isZipFile, readZipBundle } from './container.js';
import {
  type Assessment,
  type Bundle,
  type AttestationCheck,
  type AttestationReport,
  type CriteriaSet,
  type Problem,
  type RegisteredKey,
  verifyAssessment,
  verifyAttestations,
  verifyBundle,
} from '@tieuchi/core';
import { type Lang, UserError, formatProblems, oneLine, readJson, setFinder, setFolders } from './io.js';
import { type Command, loadSet } from './command.js';
import { say } from './messages.js';

const ROLE: Record<string, { vi: string; en: string }> = {
  assessor: { vi: 'người đánh giá', en: 'assessor' },
  'facility-head': { vi: 'trưởng cơ sở', en: 'head of facility' },
  other: { vi: 'khác', en: 'other' },
};

/** An ISO time as dd/mm/yyyy HH:MM in Vietnam time (UTC+7). */
export function vnTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const B64U43 = /^[A-Za-z0-9_-]{43}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a keys file: `{ "kind": "device-keys", "keys": [{ "publicKey": {kty, crv, x, y}, "label"?, "registeredAt"?,
 * "revokedAt"? }] }` (the council server exports it). Any malformed entry refuses the whole file.
 */
export function loadKeys(path: string, lang: Lang): RegisteredKey[] {
  const doc = readJson(path, lang);
  const bad = (where: string): never => {
    throw new UserError(`${oneLine(path)}: ${where}: ${say(lang, 'verify.bad-keys')}`);
  };
  if (!isObj(doc) || doc.kind !== 'device-keys' || !Array.isArray(doc.keys)) return bad('/');
  return doc.keys.map((k: unknown, i: number): RegisteredKey => {
    const pk = isObj(k) ? k.publicKey : undefined;
    if (
      !isObj(k) ||
      !isObj(pk) ||
      pk.kty !== 'EC' ||
      pk.crv !== 'P-256' ||
      typeof pk.x !== 'string' ||
      !B64U43.test(pk.x) ||
      typeof pk.y !== 'string' ||
      !B64U43.test(pk.y)
    )
      return bad(`/keys/${i}`);
    for (const f of ['registeredAt', 'revokedAt'] as const)
      if (k[f] !== undefined && (typeof k[f] !== 'string' || !ISO.test(k[f] as string))) return bad(`/keys/${i}/${f}`);
    if (k.label !== undefined && typeof k.label !== 'string') return bad(`/keys/${i}/label`);
    const out: RegisteredKey = { publicKey: { kty: 'EC', crv: 'P-256', x: pk.x, y: pk.y } };
    if (typeof k.label === 'string') out.label = k.label;
    if (typeof k.registeredAt === 'string') out.registeredAt = k.registeredAt;
    if (typeof k.revokedAt === 'string') out.revokedAt = k.revokedAt;
    return out;
  });
}

/** One line per signature check, in words. */
export function describeCheck(c: AttestationCheck, lang: Lang): string {
  const role = ROLE[c.signer.role]?.[lang] ?? c.signer.role;
  const label = c.keyLabel ? ` (${oneLine(c.keyLabel)})` : '';
  const standing =
    c.key === 'registered'
      ? say(lang, 'verify.registered') + label
      : c.key === 'revoked'
        ? say(lang, 'verify.revoked') + label
        : say(lang, 'verify.unknown-key');
  const who = c.valid
    ? `${oneLine(c.signer.name)} (${role})`
    : say(lang, 'verify.claims', { name: oneLine(c.signer.name) });
  return say(lang, 'verify.signed-line', {
    who,
    when: vnTime(c.signedAt),
    key: c.keyId.slice(0, 12),
    validity: say(lang, c.valid ? 'verify.valid' : 'verify.invalid'),
    standing,
  });
}

/** The verdict of one report, for text output. */
export function describeReport(r: AttestationReport, lang: Lang): string[] {
  const uncovered = r.uncovered.map(
    (s) =>
      `${say(lang, 'verify.uncovered')}: ${oneLine(s.name)} (${ROLE[s.role]?.[lang] ?? oneLine(s.role)})${r.status === 'signed' ? say(lang, 'verify.changed-after') : ''}`,
  );
  if (r.status === 'unsigned') return [say(lang, 'verify.unsigned'), ...uncovered];
  return [...r.checks.map((c) => describeCheck(c, lang)), ...uncovered];
}

interface Verdict {
  file: string;
  assessmentId?: string;
  facility?: string;
  ok: boolean;
  problems: Problem[];
  signatures?: AttestationReport;
}

/** The `verify` command. */
export const verifyCommand: Command = {
  usage:
    'verify <file...> [--keys <keys.json>] [--received-at <ISO time>] [--set <set.json>] [--json]\n' +
    '                                                          content hashes and device signatures of assessments and bundles',
  run: async ({ args, options, io, lang }) => {
    if (!args.length) throw new UserError(say(lang, 'verify.no-file'));
    const keys = options.keys ? loadKeys(options.keys, lang) : undefined;
    const receivedAt = options['received-at'];
    if (receivedAt !== undefined && !ISO.test(receivedAt))
      throw new UserError('--received-at: ISO 8601 (2026-12-01T09:00:00+07:00)');
    const given = options.set ? loadSet(options.set, lang) : undefined;
    const found = setFinder(setFolders(io.cwd), lang);
    const findSet = (id: string, v: string): CriteriaSet | undefined =>
      given && given.id === id && given.version === v ? given : found(id, v);
    const verdicts: Verdict[] = [];
    let bad = 0;
    for (const file of args) {
      const name = oneLine(file);
      let doc: unknown;
      let verified: Bundle | undefined;
      try {
        if (isZipFile(file)) {
          // A zip backup (streamed container): verified by the same verifier, photos by their streamed SHA-256.
          const z = await readZipBundle(file, findSet);
          if (!z.ok) {
            bad++;
            io.stderr(formatProblems(file, z.errors, lang) + '\n');
            verdicts.push({ file, ok: false, problems: z.errors });
            continue;
          }
          doc = verified = z.value;
        } else doc = readJson(file, lang);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        bad++;
        io.stderr(`${e.message}\n`);
        continue;
      }
      const kind = isObj(doc) ? doc.kind : undefined;
      let assessments: Assessment[];
      let bundleSets: CriteriaSet[] = [];
      if (kind === 'bundle') {
        // A zip was verified as it was read (its photos by their streamed SHA-256; it holds no base64 to decode).
        const b = verified ? { ok: true as const, value: verified } : verifyBundle(doc, { findSet });
        if (!b.ok) {
          bad++;
          io.stderr(formatProblems(file, b.errors, lang) + '\n');
          verdicts.push({ file, ok: false, problems: b.errors });
          continue;
        }
        assessments = b.value.assessments;
        bundleSets = b.value.criteriaSets ?? [];
      } else if (kind === 'assessment') {
        const a = verifyAssessment(doc, { findSet });
        if (!a.ok) {
          bad++;
          io.stderr(formatProblems(file, a.errors, lang) + '\n');
          verdicts.push({ file, ok: false, problems: a.errors });
          continue;
        }
        assessments = [a.value];
      } else {
        bad++;
        io.stderr(`${name}: /kind: ${say(lang, 'verify.not-a-document')}\n`);
        continue;
      }
      for (const a of assessments) {
        const set =
          findSet(a.criteriaSet.id, a.criteriaSet.version) ??
          bundleSets.find((s) => s.id === a.criteriaSet.id && s.version === a.criteriaSet.version);
        const opts: Parameters<typeof verifyAttestations>[1] = {};
        if (set) opts.set = set;
        if (keys) opts.keys = keys;
        if (receivedAt) opts.receivedAt = receivedAt;
        const sig = await verifyAttestations(a, opts);
        // A drawn signature added or changed after the device signed is as bad as an invalid signature.
        const invalid = sig.checks.some((c) => !c.valid) || (sig.status === 'signed' && sig.uncovered.length > 0);
        if (invalid) bad++;
        const problems = sig.checks.flatMap((c) => c.problems);
        verdicts.push({ file, assessmentId: a.id, facility: a.facility.name, ok: !invalid, problems, signatures: sig });
        if (options.json) continue;
        const lock = say(lang, a.status === 'draft' ? 'verify.draft' : 'verify.hash-matches');
        const head = `${invalid ? '✗' : '✓'} ${name}: ${oneLine(a.id)} — ${oneLine(a.facility.name)}: ${lock}`;
        const lines = [head, ...describeReport(sig, lang).map((l) => `    ${l}`)];
        (invalid ? io.stderr : io.stdout)(lines.join('\n') + '\n');
        if (invalid)
          io.stderr(
            formatProblems(
              file,
              problems.filter((p) => p.code !== 'attest.revoked'),
              lang,
            ) + '\n',
          );
      }
    }
    if (options.json) io.stdout(JSON.stringify(verdicts, null, 2) + '\n');
    return bad ? 1 : 0;
  },
};
