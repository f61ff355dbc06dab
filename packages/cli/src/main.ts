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
} from '@tieuchi/core';
import { UserError, type Lang, findSet, formatProblems, readJson, setFolders } from './io.js';
import { summary } from './summary.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

const USAGE = `tieuchi — Tiêu Chí: đánh giá chất lượng cơ sở y tế / health-facility quality audits

Usage:
  tieuchi validate <file...> [--set <criteria-set.json>]   check criteria sets, assessments, registries, bundles
  tieuchi score <assessment.json> [--set <criteria-set.json>] [--json]
                                                          score an assessment (the set is looked up in ./criteria
                                                          by the id and version the assessment names)
Options:
  --lang vi|en   language of messages (default vi)
  --json         print the full result document (score)
  -h, --help     this help
`;

type Validator = (d: unknown) => Outcome<unknown>;
const VALIDATORS: Record<string, Validator> = {
  'criteria-set': validateCriteriaSet,
  'facility-registry': validateFacilityRegistry,
  bundle: validateBundle,
  'improvement-plan': validateImprovementPlan,
};

function loadSet(path: string, lang: Lang): CriteriaSet {
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
      } else if (typeof kind === 'string' && VALIDATORS[kind]) r = VALIDATORS[kind]!(doc);
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
      io.stderr(e.message + '\n');
    }
  }
  return bad ? 1 : 0;
}

function scoreFile(file: string | undefined, setPath: string | undefined, json: boolean, io: Io, lang: Lang): number {
  if (!file) throw new UserError(lang === 'vi' ? 'score: cần tệp phiếu đánh giá' : 'score: an assessment file is needed');
  const doc = readJson(file, lang);
  const shape = validateAssessment(doc);
  if (!shape.ok) throw new UserError(formatProblems(file, shape.errors, lang));
  const a = shape.value;
  const set = setPath ? loadSet(setPath, lang) : findSet(a.criteriaSet.id, a.criteriaSet.version, setFolders(io.cwd), lang);
  const checked = validateAssessment(a, set);
  if (!checked.ok) throw new UserError(formatProblems(file, checked.errors, lang));
  const r = score(set, a);
  if (!r.ok) throw new UserError(formatProblems(file, r.errors, lang));
  io.stdout(json ? JSON.stringify(r.value, null, 2) + '\n' : summary(set, a, r.value, lang));
  return 0;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let lang: Lang = 'vi';
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        set: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'vi' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.lang !== 'vi' && values.lang !== 'en') throw new UserError(`--lang: vi | en`);
    lang = values.lang;
    const [cmd, ...rest] = positionals;
    if (values.help || !cmd) {
      io.stdout(USAGE);
      return cmd || values.help ? 0 : 2;
    }
    switch (cmd) {
      case 'validate':
        return validateFiles(rest, values.set, io, lang);
      case 'score':
        if (rest.length > 1) throw new UserError(lang === 'vi' ? 'score: chỉ một tệp phiếu' : 'score: one assessment file');
        return scoreFile(rest[0], values.set, values.json ?? false, io, lang);
      default:
        throw new UserError(`${lang === 'vi' ? 'lệnh không rõ' : 'unknown command'} "${cmd}"\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`tieuchi: ${e.message}\n`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`tieuchi: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(`tieuchi: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return 3;
  }
}

