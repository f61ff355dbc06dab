/**
 * `tieuchi`: validate criteria sets and assessments, score assessments.
 * Every failure is one clear line and a non-zero exit, never a stack trace and never a score.
 */
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import {
  score,
  verifyAssessment,
  verifyBundle,
  setContentHash,
  validateCriteriaSet,
  validateFacilityRegistry,
  validateImprovementPlan,
  type Outcome,
  type CriteriaSet,
  type Assessment,
  type ScoreResult,
} from '@tieuchi/core';
import {
  UserError,
  type Lang,
  findSet,
  formatProblems,
  oneLine,
  readJson,
  setFinder,
  setFolders,
  setStdin,
  terminalSafe,
} from './io.js';
export { UserError, findSet, formatProblems, readJson, setFolders, type Lang };
import { verifyCommand } from './verify-command.js';
import { summary } from './summary.js';
import { reportCommand } from './report-command.js';
import { aggregateCommand, compareCommand, rankCommand, reconcileCommand } from './loop-commands.js';

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
const OPTIONS = {
  set: { type: 'string' },
  json: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
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

/** The commands, by name. Add a command here (its code in its own file). */
export const COMMANDS: Record<string, Command> = {
  validate: {
    usage:
      'validate <file...> [--set <criteria-set.json>]   check criteria sets, assessments, registries, bundles, plans\n' +
      '                                                          (assessments and bundles: content hashes, sets, photos, plans)',
    run: ({ args, options, io, lang }) => validateFiles(args, options.set, io, lang),
  },
  score: {
    usage:
      'score <assessment.json> [--set <set.json>] [--json]   score an assessment (the set is found in ./criteria\n' +
      '                                                          by the id and version the assessment names)',
    run: ({ args, options, io, lang }) => {
      if (args.length > 1)
        throw new UserError(lang === 'vi' ? 'score: chỉ một tệp phiếu' : 'score: one assessment file');
      return scoreFile(args[0], options.set, options.json ?? false, io, lang);
    },
  },
  report: reportCommand,
};

// Registered after the object exists: these commands import helpers from this module.
Object.assign(COMMANDS, {
  compare: compareCommand,
  reconcile: reconcileCommand,
  rank: rankCommand,
  aggregate: aggregateCommand,
  verify: verifyCommand,
});

/** The version of this CLI (its package.json). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Help for one command: its usage and the options every command takes. */
function commandHelp(name: string, c: Command): string {
  return `tieuchi ${c.usage}

  -              ${'read the file from standard input / đọc tệp từ đầu vào chuẩn'}
  --lang vi|en   language of messages (default vi)
  -h, --help     this help
`;
}

function usage(): string {
  const cmds = Object.values(COMMANDS)
    .map((c) => `  tieuchi ${c.usage}`)
    .join('\n');
  return `tieuchi — Tiêu Chí: đánh giá chất lượng cơ sở y tế / health-facility quality audits

Usage:
${cmds}
Options:
  --lang vi|en   language of messages (default vi)
  -h, --help     this help (tieuchi <command> --help: that command's)
  -V, --version  the version
A file argument "-" reads standard input; "--out -" writes to standard output.
`;
}

type Validator = (d: unknown) => Outcome<unknown>;
const VALIDATORS: Record<string, Validator> = {
  'criteria-set': validateCriteriaSet,
  'facility-registry': validateFacilityRegistry,
  'improvement-plan': validateImprovementPlan,
};

export function loadSet(path: string, lang: Lang): CriteriaSet {
  const v = validateCriteriaSet(readJson(path, lang));
  if (!v.ok) throw new UserError(formatProblems(path, v.errors, lang));
  return v.value;
}

function validateFiles(files: string[], setPath: string | undefined, io: Io, lang: Lang): number {
  if (!files.length)
    throw new UserError(lang === 'vi' ? 'validate: cần ít nhất một tệp' : 'validate: at least one file is needed');
  const set = setPath ? loadSet(setPath, lang) : undefined;
  const findSet = setFinder(setFolders(io.cwd), lang);
  let bad = 0;
  for (const file of files) {
    const name = oneLine(file);
    try {
      const doc = readJson(file, lang) as { kind?: unknown };
      const kind = typeof doc === 'object' && doc !== null ? doc.kind : undefined;
      let r: Outcome<unknown>;
      // Assessments and bundles go through core's one verifier, exactly as the app's import does.
      if (kind === 'assessment') r = verifyAssessment(doc, set ? { set } : { findSet });
      else if (kind === 'bundle')
        r = verifyBundle(doc, {
          findSet: set ? (id, v) => (id === set.id && v === set.version ? set : findSet(id, v)) : findSet,
        });
      else if (typeof kind === 'string' && Object.hasOwn(VALIDATORS, kind))
        r = VALIDATORS[kind]!(doc); // own keys only: "__proto__" is no kind
      else {
        throw new UserError(
          `${name}: /kind: ${lang === 'vi' ? 'không rõ loại tài liệu' : 'unknown document kind'} ${oneLine(JSON.stringify(kind) ?? 'undefined')} (criteria-set, assessment, facility-registry, bundle, improvement-plan)`,
        );
      }
      if (r.ok) io.stdout(`✓ ${name}: ${kind}\n`);
      else {
        bad++;
        io.stderr(formatProblems(file, r.errors, lang) + '\n');
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      bad++;
      // Name the file on every line (a message about a missing set would not say which file needs it).
      io.stderr(
        e.message
          .split('\n')
          .map((l) => (l.startsWith(name) ? l : `${name}: ${l}`))
          .join('\n') + '\n',
      );
    }
  }
  return bad ? 1 : 0;
}

/** One set finder per run (the criteria folder is read once, not once per assessment file). */
const finders = new WeakMap<Io, ReturnType<typeof setFinder>>();
function finderFor(io: Io, lang: Lang): ReturnType<typeof setFinder> {
  let f = finders.get(io);
  if (!f) finders.set(io, (f = setFinder(setFolders(io.cwd), lang)));
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
  if (!file) throw new UserError(lang === 'vi' ? 'cần tệp phiếu đánh giá' : 'an assessment file is needed');
  const doc = parsed ? parsed.doc : readJson(file, lang);
  const given = setPath ? givenSetFor(setPath, io, lang) : undefined;
  const finder = finderFor(io, lang);
  const checked = verifyAssessment(doc, given ? { set: given } : { findSet: finder });
  if (!checked.ok) {
    let hint = '';
    const a = doc as Assessment;
    if (checked.errors.some((p) => p.code === 'verify.no-set')) {
      try {
        findSet(a.criteriaSet.id, a.criteriaSet.version, setFolders(io.cwd), lang);
      } catch (e) {
        if (e instanceof UserError) hint = `\n${oneLine(file)}: ${e.message}`;
      }
    }
    throw new UserError(formatProblems(file, checked.errors, lang) + hint);
  }
  const assessment = checked.value;
  const set = given ?? finder(assessment.criteriaSet.id, assessment.criteriaSet.version)!;
  return { assessment, set };
}

/** Scores an assessment read by {@link loadAssessment}; problems become a {@link UserError}. */
export function scoreLoaded(file: string, set: CriteriaSet, assessment: Assessment, lang: Lang): ScoreResult {
  const r = score(set, assessment);
  if (!r.ok) throw new UserError(formatProblems(file, r.errors, lang));
  return r.value;
}

function scoreFile(file: string | undefined, setPath: string | undefined, json: boolean, io: Io, lang: Lang): number {
  const { assessment, set } = loadAssessment(file, setPath, io, lang);
  const r = scoreLoaded(file!, set, assessment, lang);
  io.stdout(json ? JSON.stringify(r, null, 2) + '\n' : summary(set, assessment, r, lang));
  return 0;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  // Everything printed goes through the terminal guard: escape codes from a file never reach the terminal.
  const io: Io = {
    ...rawIo,
    stdout: (s) => rawIo.stdout(terminalSafe(s)),
    stderr: (s) => rawIo.stderr(terminalSafe(s)),
  };
  setStdin(rawIo.stdin);
  let lang: Lang = 'vi';
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    if (values.lang !== 'vi' && values.lang !== 'en') throw new UserError(`--lang: vi | en`);
    lang = values.lang;
    if (values.version) {
      io.stdout(`tieuchi ${VERSION}\n`);
      return 0;
    }
    const [cmd, ...rest] = positionals;
    const command = cmd !== undefined && Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined; // "constructor" is no command
    if (values.help && command) {
      io.stdout(commandHelp(cmd!, command));
      return 0;
    }
    if (values.help || !cmd) {
      io.stdout(usage());
      return cmd || values.help ? 0 : 2;
    }
    if (!command)
      throw new UserError(`${lang === 'vi' ? 'lệnh không rõ' : 'unknown command'} "${oneLine(cmd)}"\n${usage()}`);
    return await command.run({ args: rest, options: values, io, lang });
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`tieuchi: ${e.message}\n`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`tieuchi: ${oneLine(e.message)}\n${usage()}`);
      return 2;
    }
    io.stderr(`tieuchi: internal error: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 3;
  } finally {
    setStdin(undefined);
  }
}
