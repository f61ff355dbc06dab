/**
 * `tieuchi`: validate criteria sets and assessments, score assessments.
 * Every failure is one clear line and a non-zero exit, never a stack trace and never a score.
 */
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import './native-hash.js'; // core's hashes through node:crypto (same digests)
import {
  verifyAssessment,
  verifyBundle,
  validateCriteriaSet,
  validateFacilityRegistry,
  validateImprovementPlan,
  type Outcome,
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
import {
  OPTIONS,
  loadAssessment,
  loadSet,
  scoreLoaded,
  type Command,
  type CommandContext,
  type Io,
  type Options,
} from './command.js';
export { loadAssessment, loadSet, scoreLoaded, type Command, type CommandContext, type Io, type Options };
import { verifyCommand } from './verify-command.js';
import { summary } from './summary.js';
import { reportCommand } from './report-command.js';
import { aggregateCommand, compareCommand, rankCommand, reconcileCommand } from './loop-commands.js';
import { say } from './messages.js';
import { scoreSheets, writeXlsx } from './xlsx.js';
import { exportTableCommand, importTableCommand } from './table-commands.js';
import { planCommand } from './plan-command.js';

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
      'score <assessment.json> [--set <set.json>] [--json|--xlsx <f>]   score an assessment (the set is found in ./criteria\n' +
      '                                                          by the id and version the assessment names)',
    run: (ctx) => {
      const { args, options, io, lang } = ctx;
      if (args.length > 1) throw new UserError(say(lang, 'score.one-file'));
      if (options.xlsx) {
        const { assessment, set } = loadAssessment(args[0], options.set, io, lang);
        const result = scoreLoaded(args[0]!, set, assessment, lang);
        return writeXlsx(ctx, scoreSheets({ set, assessment, result }, lang));
      }
      return scoreFile(args[0], options.set, options.json ?? false, io, lang);
    },
  },
  report: reportCommand,
};

Object.assign(COMMANDS, {
  compare: compareCommand,
  reconcile: reconcileCommand,
  rank: rankCommand,
  aggregate: aggregateCommand,
  verify: verifyCommand,
  'import-table': importTableCommand,
  'export-table': exportTableCommand,
  plan: planCommand,
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

function validateFiles(files: string[], setPath: string | undefined, io: Io, lang: Lang): number {
  if (!files.length) throw new UserError(say(lang, 'validate.no-file'));
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
          `${name}: /kind: ${say(lang, 'validate.unknown-kind')} ${oneLine(JSON.stringify(kind) ?? 'undefined')} (criteria-set, assessment, facility-registry, bundle, improvement-plan)`,
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
    if (!command) throw new UserError(`${say(lang, 'cli.unknown-command', { cmd: oneLine(cmd) })}\n${usage()}`);
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
