/**
 * A council's worth of assessment files for the CLI-scale benchmark: `stations` commune stations x 2 rounds of
 * the 1300/QĐ-BYT contest, made from the two example assessments of Thạnh Tiến (2025 baseline, 2026 follow-up)
 * with a seeded random share of "met" answers flipped, each sealed with its own content hash (so core's verifier
 * accepts it exactly as it accepts a real file).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './synthetic.mjs';

/**
 * Writes the files into `dir` and returns their paths (baseline and follow-up of station 0, then station 1, …).
 * `contentHash` is core's (the built package), passed in so this module has no build dependency of its own.
 */
export function writeCouncil(root, dir, stations, contentHash, seed = 20) {
  const ex = join(root, 'examples', 'qd1300-commune-health');
  const templates = ['thanh-tien-2025-baseline', 'thanh-tien-2026-followup'].map((n) =>
    JSON.parse(readFileSync(join(ex, `${n}.assessment.json`), 'utf8')),
  );
  const rnd = mulberry32(seed);
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let s = 0; s < stations; s++) {
    const id = `station-${String(s).padStart(5, '0')}`;
    templates.forEach((t, r) => {
      const a = structuredClone(t);
      a.id = `${id}-${a.round.id}`;
      a.facility.id = id;
      a.facility.name = `Trạm Y tế xã số ${s + 1}`;
      for (const ans of Object.values(a.answers)) {
        if (ans.value === 'met' && rnd() < 0.15) ans.value = 'not-met';
        else if (ans.value === 'not-met' && rnd() < 0.3) ans.value = 'met';
      }
      delete a.contentHash;
      a.contentHash = contentHash(a);
      const file = join(dir, `${id}-r${r + 1}.assessment.json`);
      writeFileSync(file, JSON.stringify(a, null, 2));
      files.push(file);
    });
  }
  return files;
}
