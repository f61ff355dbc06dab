#!/usr/bin/env node
// Copies the repository's built-in criteria sets (the root `criteria/` folder, where they stay) into `sets/`, so
// the package ships them as data. `--check`: exits 1 when `sets/` differs from `criteria/` (run `pnpm build`).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(here, '..', '..', 'criteria');
const to = join(here, 'sets');
const files = readdirSync(from)
  .filter((f) => f.endsWith('.json'))
  .sort();

if (process.argv.includes('--check')) {
  let have = [];
  try {
    have = readdirSync(to).sort();
  } catch {
    // no sets/ yet
  }
  const same =
    have.join() === files.join() && files.every((f) => readFileSync(join(from, f)).equals(readFileSync(join(to, f))));
  if (!same) {
    console.error('@tieuchi/criteria: sets/ differs from criteria/ — run `pnpm --filter @tieuchi/criteria build`');
    process.exit(1);
  }
} else {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to);
  for (const f of files) copyFileSync(join(from, f), join(to, f));
  console.log(`@tieuchi/criteria: ${files.length} sets copied into sets/`);
}
