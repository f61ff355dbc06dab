/**
 * The shared hostile corpus (core/test/hostile-corpus.ts) through the app's import: the same verdict as core's
 * verifier and the CLI, problem for problem; nothing tampered is accepted.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '@tieuchi/core';
import { planImport } from '../src/io/bundle.js';
import { builtinSets, hostileCorpus } from '../../core/test/hostile-corpus.js';

globalThis.Blob = NodeBlob as unknown as typeof Blob;
const sets = builtinSets();
const known = () => ({ sets: new Map(sets), assessments: new Map() });

describe('the shared hostile corpus through the app import', () => {
  for (const c of hostileCorpus()) {
    it(c.name, () => {
      const core = verifyBundle(c.bundle, { findSet: (id, v) => sets.get(`${id}@${v}`) });
      const app = planImport(JSON.stringify(c.bundle), known());
      expect(app.ok).toBe(core.ok);
      if (!app.ok && !core.ok) expect(app.errors).toEqual(core.errors);
      expect(app.ok ? [] : [...new Set(app.errors.map((e) => e.code))].sort()).toEqual([...c.codes].sort());
      if (c.single !== undefined) {
        // An assessment file on its own (not in a bundle) gets the same verdict.
        const alone = planImport(JSON.stringify(c.single), known());
        expect(alone.ok ? [] : [...new Set(alone.errors.map((e) => e.code))].sort()).toEqual([...c.codes].sort());
      }
    });
  }
});
