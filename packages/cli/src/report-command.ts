/**
 * `tieuchi report`: the PDF report of an assessment, or with --blank a blank paper score sheet for a set.
 * Layout comes from @tieuchi/report (pure), rendering from its Node entry (pdfmake, loaded on first use).
 */
import { statSync, writeFileSync } from 'node:fs';
import { type Assessment, type Bundle, type CriteriaSet, type ImprovementPlan, verifyBundle } from '@tieuchi/core';
import type { ReportPhoto } from '@tieuchi/report';
import { type Command, type CommandContext, loadAssessment, loadSet, scoreLoaded } from './command.js';
import { type Lang, UserError, formatProblems, oneLine, readJson, setFinder, setFolders } from './io.js';
import { say } from './messages.js';
import { isZipFile, readZipBundle } from './container.js';

/** A zip backup read and verified (the photos `want` names are kept), as {@link loadBundle} does for JSON. */
async function loadZip(
  file: string,
  given: CriteriaSet | undefined,
  ctx: CommandContext,
  want?: ReadonlySet<string>,
): Promise<Bundle> {
  const finder = setFinder(setFolders(ctx.io.cwd), ctx.lang);
  const v = await readZipBundle(
    file,
    (id, version) => (given && given.id === id && given.version === version ? given : finder(id, version)),
    want,
  );
  if (!v.ok) throw new UserError(formatProblems(file, v.errors, ctx.lang));
  return v.value;
}

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
      ? `${oneLine(file)}: ${say(lang, 'report.bundle-choose', { count: b.assessments.length })}: ${ids}`
      : `${oneLine(file)}: ${say(lang, 'report.bundle-missing', { id: oneLine(id) })}: ${ids}`,
  );
}

/** `--photos`: a folder, or a bundle file (JSON) whose photos are used. */
async function photosFrom(
  source: string,
  a: Assessment,
  given: CriteriaSet | undefined,
  ctx: CommandContext,
): Promise<ReportPhoto[]> {
  const { bundlePhotos, folderPhotos } = await import('./report-photos.js');
  let isDir = false;
  try {
    isDir = statSync(source).isDirectory();
  } catch {
    // not there: readJson says so in one line
  }
  if (isDir) return folderPhotos(source, a, ctx.lang);
  if (isZipFile(source)) {
    const { photoHashes } = await import('./report-photos.js');
    return bundlePhotos(await loadZip(source, given, ctx, new Set(photoHashes(a))), a);
  }
  const doc = readJson(source, ctx.lang);
  return bundlePhotos(loadBundle(source, doc, given, ctx), a);
}

/**
 * `@tieuchi/report` (and pdfmake, ~49 MB) is an optional peer dependency, loaded only here: `validate`, `score` and
 * every other command never load it, and installing the CLI does not install it.
 */
async function pdfTools(lang: Lang) {
  try {
    const [report, node] = await Promise.all([import('@tieuchi/report'), import('@tieuchi/report/node')]);
    return { ...report, renderPdf: node.renderPdf };
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new UserError(say(lang, 'report.needs-package'));
  }
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
    throw new UserError(`${oneLine(path)}: ${say(lang, 'write.failed', { code })}`);
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
    if (!out) throw new UserError(say(lang, 'report.no-out'));
    if (options.blank) {
      if (args.length) throw new UserError(say(lang, 'report.blank-no-file'));
      if (!options.set) throw new UserError(say(lang, 'report.blank-no-set'));
      const set = loadSet(options.set, lang);
      const { renderPdf, buildScoreSheet } = await pdfTools(lang);
      write(out, await renderPdf(buildScoreSheet(set, lang)), lang, io);
    } else {
      if (args.length > 1) throw new UserError(say(lang, 'report.one-file'));
      const file = args[0];
      const zip = file !== undefined && isZipFile(file);
      const doc = file && !zip ? readJson(file, lang) : undefined;
      let givenSet: CriteriaSet | undefined;
      const given = () => (options.set ? (givenSet ??= loadSet(options.set, lang)) : undefined);
      let assessment: Assessment;
      let set: CriteriaSet;
      let photos: ReportPhoto[] = [];
      let plan: ImprovementPlan | undefined;
      if (zip || (doc as { kind?: unknown } | undefined)?.kind === 'bundle') {
        // A bundle (a backup or an exchange file): its assessment, set, plan and photos, verified first. A zip
        // backup is read twice: once to verify and pick the assessment, once to keep only its photos' bytes.
        const ctx = { args, options, io, lang };
        let b = zip ? await loadZip(file!, given(), ctx) : loadBundle(file!, doc, given(), ctx);
        assessment = pickAssessment(file!, b, options.id, lang);
        if (zip) {
          const { photoHashes } = await import('./report-photos.js');
          b = await loadZip(file!, given(), ctx, new Set(photoHashes(assessment)));
          assessment = pickAssessment(file!, b, options.id, lang);
        }
        const key = (s: CriteriaSet) =>
          s.id === assessment.criteriaSet.id && s.version === assessment.criteriaSet.version;
        set =
          (given() && key(given()!) ? given() : undefined) ??
          b.criteriaSets?.find(key) ??
          setFinder(setFolders(io.cwd), lang)(assessment.criteriaSet.id, assessment.criteriaSet.version)!;
        photos = (await import('./report-photos.js')).bundlePhotos(b, assessment);
        plan = b.plans?.find((p) => p.assessmentId === assessment.id);
      } else {
        // The document already read (standard input cannot be read twice).
        ({ assessment, set } = loadAssessment(file, options.set, io, lang, file ? { doc } : undefined));
      }
      if (options.photos) photos = await photosFrom(options.photos, assessment, given(), { args, options, io, lang });
      const result = scoreLoaded(file!, set, assessment, lang);
      const input = { set, assessment, result, lang, photos, ...(plan ? { plan } : {}) };
      const { renderPdf, buildReport } = await pdfTools(lang);
      write(out, await renderPdf(buildReport(input)), lang, io);
    }
    if (out !== '-') io.stdout(`✓ ${oneLine(out)}\n`);
    return 0;
  },
};
