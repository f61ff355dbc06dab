/**
 * `tieuchi report`: the PDF report of an assessment, or with --blank a blank paper score sheet for a set.
 * Layout comes from @tieuchi/report (pure), rendering from its Node entry (pdfmake, loaded on first use).
 */
import { writeFileSync } from 'node:fs';
import { type Command, type CommandContext, UserError, loadAssessment, loadSet, scoreLoaded } from './main.js';
import { type Lang, oneLine } from './io.js';

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
    throw new UserError(
      lang === 'vi'
        ? 'report: cần gói @tieuchi/report (npm install @tieuchi/report) để tạo PDF'
        : 'report: the PDF needs the @tieuchi/report package (npm install @tieuchi/report)',
    );
  }
}

/** The `report` command. */
export const reportCommand: Command = {
  usage:
    'report <assessment.json> [--set <set.json>] --out <report.pdf|->   the PDF report of an assessment (- : standard output)\n' +
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
      const { renderPdf, buildScoreSheet } = await pdfTools(lang);
      write(out, await renderPdf(buildScoreSheet(set, lang)), lang, io);
    } else {
      if (args.length > 1)
        throw new UserError(lang === 'vi' ? 'report: chỉ một tệp phiếu' : 'report: one assessment file');
      const { assessment, set } = loadAssessment(args[0], options.set, io, lang);
      const result = scoreLoaded(args[0]!, set, assessment, lang);
      const { renderPdf, buildReport } = await pdfTools(lang);
      write(out, await renderPdf(buildReport({ set, assessment, result, lang })), lang, io);
    }
    if (out !== '-') io.stdout(`✓ ${oneLine(out)}\n`);
    return 0;
  },
};
