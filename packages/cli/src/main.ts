/**
 * `tieuchi`: validate criteria sets and assessments, score assessments.
 * Every failure is one clear line and a non-zero exit, never a stack trace and never a score.
 */
import { parseArgs } from 'node:util';
import {
  score,
  validateAssessment,
  validateBundle,
  validateCriteriaSet,
  validateFacilityRegistry,
  validateImprovementPlan,
  type Outcome,
  type CriteriaSet,
  type Assessment,
  type ScoreResult,
} from '@tieuchi/core';
import { UserError, type Lang, findSet, formatProblems, readJson, setFolders } from './io.js';
export { UserError, findSet, formatProblems, readJson, setFolders, type Lang };
import { summary } from './summary.js';
import { reportCommand } from './report-command.js';
import { aggregateCommand, compareCommand, rankCommand, reconcileCommand } from './loop-commands.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
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
} as const;

export type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };

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
    usage: 'validate <file...> [--set <criteria-set.json>]   check criteria sets, assessments, registries, bundles, plans',
    run: ({ args, options, io, lang }) => validateFiles(args, options.set, io, lang),
  },
  score: {
    usage: 'score <assessment.json> [--set <set.json>] [--json]   score an assessment (the set is found in ./criteria\n' +
      '                                                          by the id and version the assessment names)',
    run: ({ args, options, io, lang }) => {
      if (args.length > 1) throw new UserError(lang === 'vi' ? 'score: chỉ một tệp phiếu' : 'score: one assessment file');
      return scoreFile(args[0], options.set, options.json ?? false, io, lang);
    },
  },
  report: reportCommand,
};

// Registered after the object exists: these commands import helpers from this module.
Object.assign(COMMANDS, { compare: compareCommand, reconcile: reconcileCommand, rank: rankCommand, aggregate: aggregateCommand });

function usage(): string {
  const cmds = Object.values(COMMANDS).map((c) => `  tieuchi ${c.usage}`).join('\n');
  return `tieuchi — Tiêu Chí: đánh giá chất lượng cơ sở y tế / health-facility quality audits

Usage:
${cmds}
Options:
  --lang vi|en   language of messages (default vi)
  -h, --help     this help
`;
}

type Validator = (d: unknown) => Outcome<unknown>;
const VALIDATORS: Record<string, Validator> = {
  'criteria-set': validateCriteriaSet,
  'facility-registry': validateFacilityRegistry,
  bundle: validateBundle,
  'improvement-plan': validateImprovementPlan,
};

export function loadSet(path: string, lang: Lang): CriteriaSet {
  const v = validateCriteriaSet(readJson(path, lang));
  if (!v.ok) throw new UserError(formatProblems(path, v.errors, lang));
  return v.value;
}

function validateFiles(files: string[], setPath: string | undefined, io: Io, lang: Lang): number {
  if (!files.length) throw new UserError(lang === 'vi' ? 'validate: cần ít nhất một tệp' : 'validate: at least one file is needed');
  const set = setPath ? loadSet(setPath, lang) : undefined;
  let bad = 0;
  for (const file of files) {
    try {
      const doc = readJson(file, lang) as { kind?: unknown };
      const kind = typeof doc === 'object' && doc !== null ? doc.kind : undefined;
      let r: Outcome<unknown>;
      if (kind === 'assessment') {
        const a = doc as { criteriaSet?: { id?: unknown; version?: unknown } };
        let s = set;
        if (!s && typeof a.criteriaSet?.id === 'string' && typeof a.criteriaSet.version === 'string') {
          s = findSet(a.criteriaSet.id, a.criteriaSet.version, setFolders(io.cwd), lang);
        }
        r = validateAssessment(doc, s);
      } else if (typeof kind === 'string' && Object.hasOwn(VALIDATORS, kind)) r = VALIDATORS[kind]!(doc); // own keys only: "__proto__" is no kind
      else {
        throw new UserError(
          `${file}: /kind: ${lang === 'vi' ? 'không rõ loại tài liệu' : 'unknown document kind'} ${JSON.stringify(kind)} (criteria-set, assessment, facility-registry, bundle, improvement-plan)`,
        );
      }
      if (r.ok) io.stdout(`✓ ${file}: ${kind}\n`);
      else {
        bad++;
        io.stderr(formatProblems(file, r.errors, lang) + '\n');
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      bad++;
      // Name the file on every line (a message about a missing set would not say which file needs it).
      io.stderr(e.message.split('\n').map((l) => (l.startsWith(file) ? l : `${file}: ${l}`)).join('\n') + '\n');
    }
  }
  return bad ? 1 : 0;
}

/**
 * Reads an assessment and the set it was made with (`--set`, or found in ./criteria by id and version), and checks
 * they belong together: the shared first step of every command that works on an assessment.
 */
export function loadAssessment(file: string | undefined, setPath: string | undefined, io: Io, lang: Lang): { assessment: Assessment; set: CriteriaSet } {
  if (!file) throw new UserError(lang === 'vi' ? 'cần tệp phiếu đánh giá' : 'an assessment file is needed');
  const shape = validateAssessment(readJson(file, lang));
  if (!shape.ok) throw new UserError(formatProblems(file, shape.errors, lang));
  const assessment = shape.value;
  const set = setPath ? loadSet(setPath, lang) : findSet(assessment.criteriaSet.id, assessment.criteriaSet.version, setFolders(io.cwd), lang);
  const checked = validateAssessment(assessment, set);
  if (!checked.ok) throw new UserError(formatProblems(file, checked.errors, lang));
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
export async function main(argv: string[], io: Io): Promise<number> {
  let lang: Lang = 'vi';
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    if (values.lang !== 'vi' && values.lang !== 'en') throw new UserError(`--lang: vi | en`);
    lang = values.lang;
    const [cmd, ...rest] = positionals;
    if (values.help || !cmd) {
      io.stdout(usage());
      return cmd || values.help ? 0 : 2;
    }
    const command = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined; // "constructor" is no command
    if (!command) throw new UserError(`${lang === 'vi' ? 'lệnh không rõ' : 'unknown command'} "${cmd}"\n${usage()}`);
    return await command.run({ args: rest, options: values, io, lang });
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`tieuchi: ${e.message}\n`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`tieuchi: ${e.message}\n${usage()}`);
      return 2;
    }
    io.stderr(`tieuchi: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return 3;
  }
}

