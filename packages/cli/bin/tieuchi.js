#!/usr/bin/env node
import { main } from '../dist/main.js';
import { readLimited } from '../dist/io.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  // `-` as a file: standard input, read in chunks up to the size limit (so `< /dev/zero` is refused, not a crash).
  stdin: () => readLimited(0),
  stdoutBytes: (b) => process.stdout.write(b),
});
