/**
 * `tieuchi report`: the PDF report of an assessment, or with --blank a blank paper score sheet for a set.
 * Layout comes from @tieuchi/report (pure), rendering from its Node entry (pdfmake, loaded on first use).
 */
import { writeFileSync } from 'node:fs';
import { buildReport, buildScoreSheet } from '@tieuchi/report';
import { renderPdf } from '@tieuchi/report/node';
import { type Command, type CommandContext, loadAssessment, loadSet, scoreLoaded } from './command.js';
import { UserError, oneLine } from './io.js';
import { say } from './messages.js';

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
    '  tieuchi report --blank --set <set.json> --out <sheet.pdf>           a blank score sheet to fill in on paper',
  run: async ({ args, options, io, lang }) => {
    const out = options.out;
    if (!out) throw new UserError(say(lang, 'report.no-out'));
    if (options.blank) {
      if (args.length) throw new UserError(say(lang, 'report.blank-no-file'));
      if (!options.set) throw new UserError(say(lang, 'report.blank-no-set'));
      const set = loadSet(options.set, lang);
      write(out, await renderPdf(buildScoreSheet(set, lang)), lang, io);
    } else {
      if (args.length > 1) throw new UserError(say(lang, 'report.one-file'));
      const { assessment, set } = loadAssessment(args[0], options.set, io, lang);
      const result = scoreLoaded(args[0]!, set, assessment, lang);
      write(out, await renderPdf(buildReport({ set, assessment, result, lang })), lang, io);
    }
    if (out !== '-') io.stdout(`✓ ${oneLine(out)}\n`);
    return 0;
  },
};
