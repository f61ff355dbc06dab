/**
 * `tieuchi report`: the PDF report of an assessment, or with --blank a blank paper score sheet for a set.
 * Layout comes from @tieuchi/report (pure), rendering from its Node entry (pdfmake, loaded on first use).
 */
import { statSync, writeFileSync } from 'node:fs';
import { buildReport, buildScoreSheet } from '@tieuchi/report';
import { renderPdf } from '@tieuchi/report/node';
import { type Assessment, type Bundle, type CriteriaSet, type ImprovementPlan, verifyBundle } from '@tieuchi/core';
import type { ReportPhoto } from '@tieuchi/report';
import { type Command, type CommandContext, UserError, loadAssessment, loadSet, scoreLoaded } from './main.js';
import { type Lang, formatProblems, oneLine, readJson, setFinder, setFolders } from './io.js';
import { bundlePhotos, folderPhotos } from './report-photos.js';

/** Reads and verifies a bundle with core's one verifier (sets: `--set`, then the bundle's, then ./criteria). */
function loadBundle(file: string, doc: unknown, given: CriteriaSet | undefined, ctx: CommandContext): Bundle {
  const finder = setFinder(setFolders(ctx.io.cwd), ctx.lang);
  const v = verifyBundle(doc, {
    findSet: (id, version) => (given && given.id === id && given.version === version ? given : finder(id, version)),
  });
  if (!v.ok) throw new UserError(formatProblems(file, v.errors, ctx.lang));
  return v.value;
}

/** The one assessment of a bundle to report: `--id`, or the only one it holds. */
function pickAssessment(file: string, b: Bundle, id: string | undefined, lang: Lang): Assessment {
  const a = id === undefined && b.assessments.length === 1 ? b.assessments[0] : b.assessments.find((x) => x.id === id);
  if (a) return a;
  const ids = b.assessments.map((x) => oneLine(x.id)).join(', ');
  throw new UserError(
    id === undefined
      ? `${oneLine(file)}: ${lang === 'vi' ? `gói có ${b.assessments.length} phiếu, chọn một bằng --id` : `the bundle holds ${b.assessments.length} assessments, choose one with --id`}: ${ids}`
      : `${oneLine(file)}: ${lang === 'vi' ? `không có phiếu "${oneLine(id)}" trong gói` : `no assessment "${oneLine(id)}" in the bundle`}: ${ids}`,
  );
}

/** `--photos`: a folder, or a bundle file (JSON) whose photos are used. */
function photosFrom(source: string, a: Assessment, given: CriteriaSet | undefined, ctx: CommandContext): ReportPhoto[] {
  let isDir = false;
  try {
    isDir = statSync(source).isDirectory();
  } catch {
    // not there: readJson says so in one line
  }
  if (isDir) return folderPhotos(source, a, ctx.lang);
  const doc = readJson(source, ctx.lang);
  return bundlePhotos(loadBundle(source, doc, given, ctx), a);
}

function write(path: string, bytes: Uint8Array, lang: 'vi' | 'en', io: CommandContext['io']): void {
  if (path === '-') {
    // `--out -`: the PDF goes to standard output.
    if (io.stdoutBytes) io.stdoutBytes(bytes);
    else io.stdout(Buffer.from(bytes).toString('latin1'));
    return;
  }
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UserError(
      `${oneLine(path)}: ${lang === 'vi' ? 'không ghi được tệp' : 'cannot write the file'} (${code})`,
    );
  }
}

/** The `report` command. */
export const reportCommand: Command = {
  usage:
    'report <assessment.json> [--set <set.json>] --out <report.pdf|->   the PDF report of an assessment (- : standard output)\n' +
    '  tieuchi report <bundle.json> [--id <assessment id>] --out <report.pdf>  from a bundle, with its photos and plan\n' +
    '  tieuchi report <assessment.json> --photos <folder|bundle.json> --out …  with the photos found there (by SHA-256)\n' +
    '  tieuchi report --blank --set <set.json> --out <sheet.pdf>           a blank score sheet to fill in on paper',
  run: async ({ args, options, io, lang }) => {
    const out = options.out;
    if (!out) throw new UserError(lang === 'vi' ? 'report: cần --out <tệp.pdf>' : 'report: --out <file.pdf> is needed');
    if (options.blank) {
      if (args.length)
        throw new UserError(
          lang === 'vi'
            ? 'report --blank: không nhận tệp phiếu, chỉ --set'
            : 'report --blank: takes no assessment, only --set',
        );
      if (!options.set)
        throw new UserError(
          lang === 'vi'
            ? 'report --blank: cần --set <bộ tiêu chí.json>'
            : 'report --blank: --set <criteria-set.json> is needed',
        );
      const set = loadSet(options.set, lang);
      write(out, await renderPdf(buildScoreSheet(set, lang)), lang, io);
    } else {
      if (args.length > 1)
        throw new UserError(lang === 'vi' ? 'report: chỉ một tệp phiếu' : 'report: one assessment file');
      const file = args[0];
      const doc = file ? readJson(file, lang) : undefined;
      let givenSet: CriteriaSet | undefined;
      const given = () => (options.set ? (givenSet ??= loadSet(options.set, lang)) : undefined);
      let assessment: Assessment;
      let set: CriteriaSet;
      let photos: ReportPhoto[] = [];
      let plan: ImprovementPlan | undefined;
      if ((doc as { kind?: unknown } | undefined)?.kind === 'bundle') {
        // A bundle (a backup or an exchange file): its assessment, set, plan and photos, verified first.
        const b = loadBundle(file!, doc, given(), { args, options, io, lang });
        assessment = pickAssessment(file!, b, options.id, lang);
        const key = (s: CriteriaSet) =>
          s.id === assessment.criteriaSet.id && s.version === assessment.criteriaSet.version;
        set =
          (given() && key(given()!) ? given() : undefined) ??
          b.criteriaSets?.find(key) ??
          setFinder(setFolders(io.cwd), lang)(assessment.criteriaSet.id, assessment.criteriaSet.version)!;
        photos = bundlePhotos(b, assessment);
        plan = b.plans?.find((p) => p.assessmentId === assessment.id);
      } else {
        // The document already read (standard input cannot be read twice).
        ({ assessment, set } = loadAssessment(file, options.set, io, lang, file ? { doc } : undefined));
      }
      if (options.photos) photos = photosFrom(options.photos, assessment, given(), { args, options, io, lang });
      const result = scoreLoaded(file!, set, assessment, lang);
      const input = { set, assessment, result, lang, photos, ...(plan ? { plan } : {}) };
      write(out, await renderPdf(buildReport(input)), lang, io);
    }
    if (out !== '-') io.stdout(`✓ ${oneLine(out)}\n`);
    return 0;
  },
};
