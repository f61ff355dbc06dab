/** The package ships every set of the repository's criteria/ folder, byte for byte, and finds them by itself. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSets, setFiles, setsDir } from '../index.js';

describe('@tieuchi/criteria', () => {
  it('ships the root criteria/ sets unchanged and parses each', () => {
    const root = join(setsDir, '..', '..', '..', 'criteria');
    const want = readdirSync(root)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(want.length).toBeGreaterThan(3);
    expect(setFiles()).toEqual(want);
    for (const f of want) expect(readFileSync(join(root, f)).equals(readFileSync(join(setsDir, f))), f).toBe(true);
    const sets = loadSets() as { kind: string }[];
    expect(sets.map((s) => s.kind)).toEqual(want.map(() => 'criteria-set'));
  });
});
