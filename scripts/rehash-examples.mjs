#!/usr/bin/env node
// Records the content hashes of every submitted or locked example assessment (and the hash of the set it pins),
// after an example or a built-in criteria set was edited on purpose. Needs core built (pnpm build). Usage:
//   node scripts/rehash-examples.mjs
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../packages/core/dist/index.js';
const root = fileURLToPath(new URL('..', import.meta.url));
const sets = new Map();
for (const f of readdirSync(join(root, 'criteria')))
  if (f.endsWith('.json')) {
    const s = JSON.parse(readFileSync(join(root, 'criteria', f), 'utf8'));
    sets.set(`${s.id}@${s.version}`, s);
  }
for (const d of readdirSync(join(root, 'examples'))) {
  let files;
  try {
    files = readdirSync(join(root, 'examples', d));
  } catch {
    continue;
  }
  for (const f of files) {
    if (!f.endsWith('.assessment.json')) continue;
    const p = join(root, 'examples', d, f);
    const a = JSON.parse(readFileSync(p, 'utf8'));
    if (a.status === 'draft') continue;
    const s = sets.get(`${a.criteriaSet.id}@${a.criteriaSet.version}`);
    if (!s) {
      console.log('no set', p);
      continue;
    }
    a.criteriaSet = { ...a.criteriaSet, contentHash: contentHash(s) };
    delete a.contentHash;
    a.contentHash = contentHash(a);
    writeFileSync(p, JSON.stringify(a, null, 2) + '\n');
  }
}
