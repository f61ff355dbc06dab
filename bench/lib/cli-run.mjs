/**
 * Runs one `tieuchi` command in this process and prints, as one JSON line on stderr, how long it took (wall, and
 * the process's CPU time), the peak
 * resident memory of the process and the SHA-256 of everything it printed (so two CLI builds can be compared
 * byte for byte without holding both outputs).
 *
 *   node bench/lib/cli-run.mjs <path to a CLI dist/main.js> <argument file: one CLI argument a line>
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [mainPath, argFile] = process.argv.slice(2);
const argv = readFileSync(argFile, 'utf8').split('\n').filter(Boolean);
const { main } = await import(pathToFileURL(mainPath).href);
const out = createHash('sha256');
const err = createHash('sha256');
let outBytes = 0;
const t0 = performance.now();
const code = await main(argv, {
  stdout: (s) => (out.update(s), (outBytes += Buffer.byteLength(s))),
  stderr: (s) => err.update(s),
  cwd: process.cwd(),
});
const ms = performance.now() - t0;
process.stderr.write(
  JSON.stringify({
    code,
    ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    // CPU time of the whole process (user + system): what the work costs, less sensitive than wall time to
    // other work on a shared machine.
    cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
    stdout: out.digest('hex'),
    stderr: err.digest('hex'),
    outBytes,
  }) + '\n',
);
