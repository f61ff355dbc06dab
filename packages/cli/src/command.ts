/**
 * What every command shares: its context (arguments, options, output), and the first step of every command that
 * works on files — reading a set, reading and verifying an assessment, scoring it. Commands import from here, never
 * from `main.ts` (which imports the commands).
 */
import {
  score,
  setContentHash,
  upgradeAssessment,
  verifyAssessment,
  validateCriteriaSet,
  type CriteriaSet,
  type Assessment,
  type ScoreResult,
} from '@tieuchi/core';
import { UserError, type Lang, findSet, formatProblems, oneLine, readJson, setFinder, setFolders } from './io.js';
import { msg } from './messages.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Standard input, read when a file argument is `-`: its bytes, or 'too-big' past the input size limit. */
  stdin?: () => Uint8Array | 'too-big';
  /** Raw bytes to standard output (`--out -`); without it they go through `stdout` as latin1 text. */
  stdoutBytes?: (b: Uint8Array) => void;
}

/** Options every command may read; a command ignores those it does not use. */
export const OPTIONS = {
  set: { type: 'string' },
  json: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
  xlsx: { type: 'string' },
  out: { type: 'string', short: 'o' },
  lang: { type: 'string', default: 'vi' },
  help: { type: 'boolean', short: 'h', default: false },
  blank: { type: 'boolean', default: false },
  round: { type: 'string' },
  baseline: { type: 'string' },
  followup: { type: 'string' },
  by: { type: 'string' },
  keys: { type: 'string' },
  'received-at': { type: 'string' },
  version: { type: 'boolean', short: 'V', default: false },
  photos: { type: 'string' },
  id: { type: 'string' },
  map: { type: 'string' },
  document: { type: 'string' },
  address: { type: 'string' },
  base: { type: 'string' },
  'new-version': { type: 'string' },
  title: { type: 'string' },
  skip: { type: 'string' },
  sheet: { type: 'string' },
} as const;

export type Options = {
  -readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
};

/** What a command receives. */
export interface CommandContext {
  args: string[];
  options: Options;
  io: Io;
  lang: Lang;
}

/** A CLI command: its usage lines and what it does (returns the exit code). */
export interface Command {
  usage: string;
  run: (ctx: CommandContext) => number | Promise<number>;
}

/** Reads and validates a criteria set (`--set`). */
export function loadSet(path: string, lang: Lang): CriteriaSet {
  const v = validateCriteriaSet(readJson(path, lang));
  if (!v.ok) throw new UserError(formatProblems(path, v.errors, lang));
  return v.value;
}

/** One set finder per run (the criteria folder is read once, not once per assessment file). */
const finders = new WeakMap<Io, ReturnType<typeof setFinder>>();
export function finderFor(io: Io, lang: Lang): ReturnType<typeof setFinder> {
  let f = finders.get(io);
  if (!f) finders.set(io, (f = setFinder(runFolders(io), lang)));
  return f;
}

/**
 * `--set` read, validated and compiled once per run, not once per assessment file: the file's set by path, and
 * one object per set id + version + content hash (core caches the compiled set and its hash per object).
 */
const givenSets = new WeakMap<Io, { byPath: Map<string, CriteriaSet>; byKey: Map<string, CriteriaSet> }>();
function givenSetFor(path: string, io: Io, lang: Lang): CriteriaSet {
  let run = givenSets.get(io);
  if (!run) givenSets.set(io, (run = { byPath: new Map(), byKey: new Map() }));
  let set = run.byPath.get(path);
  if (!set) {
    const loaded = loadSet(path, lang);
    const key = `${loaded.id}@${loaded.version}#${setContentHash(loaded)}`;
    set = run.byKey.get(key) ?? loaded;
    run.byKey.set(key, set);
    run.byPath.set(path, set);
  }
  return set;
}

/** The set folders of a run, looked up once (resolving `@tieuchi/criteria` per file cost a third of a council run). */
const foldersFor = new WeakMap<Io, string[]>();
function runFolders(io: Io): string[] {
  let f = foldersFor.get(io);
  if (!f) foldersFor.set(io, (f = setFolders(io.cwd)));
  return f;
}

/**
 * Reads an assessment and the set it was made with (`--set`, or found in ./criteria by id and version), and
 * verifies them with core's one verifier (schema, set and its pinned hash, answers, the assessment's own content
 * hash): the shared first step of every command that works on an assessment. `parsed`: the document when the
 * caller has read it already (standard input cannot be read twice).
 */
export function loadAssessment(
  file: string | undefined,
  setPath: string | undefined,
  io: Io,
  lang: Lang,
  parsed?: { doc: unknown },
): { assessment: Assessment; set: CriteriaSet } {
  if (!file) throw new UserError(msg('load.no-assessment')[lang]);
  const doc = parsed ? parsed.doc : readJson(file, lang);
  const given = setPath ? givenSetFor(setPath, io, lang) : undefined;
  return verifyLoaded(file, doc, given, io, lang);
}

/**
 * {@link loadAssessment} once the document is read and the `--set` (if any) loaded: the verification and the
 * forward migration, the same for a file read here or in a worker of a council-scale run (`pool.ts`).
 */
export function verifyLoaded(
  file: string,
  doc: unknown,
  given: CriteriaSet | undefined,
  io: Io,
  lang: Lang,
): { assessment: Assessment; set: CriteriaSet } {
  const folders = runFolders(io);
  const finder = finderFor(io, lang);
  const checked = verifyAssessment(doc, given ? { set: given } : { findSet: finder });
  if (!checked.ok) {
    let hint = '';
    const a = doc as Assessment;
    if (checked.errors.some((p) => p.code === 'verify.no-set')) {
      try {
        findSet(a.criteriaSet.id, a.criteriaSet.version, folders, lang);
      } catch (e) {
        if (e instanceof UserError) hint = `\n${oneLine(file)}: ${e.message}`;
      }
    }
    throw new UserError(formatProblems(file, checked.errors, lang) + hint);
  }
  // Verified as received (above), then migrated forward: the hash covers the same content either way.
  const assessment = upgradeAssessment(checked.value);
  const set = given ?? finder(assessment.criteriaSet.id, assessment.criteriaSet.version)!;
  return { assessment, set };
}

/** The `--set` of a run, read, validated and compiled once (see `givenSetFor`). */
export function givenSet(path: string, io: Io, lang: Lang): CriteriaSet {
  return givenSetFor(path, io, lang);
}

/** Scores an assessment read by {@link loadAssessment}; problems become a {@link UserError}. */
export function scoreLoaded(file: string, set: CriteriaSet, assessment: Assessment, lang: Lang): ScoreResult {
  const r = score(set, assessment);
  if (!r.ok) throw new UserError(formatProblems(file, r.errors, lang));
  return r.value;
}
