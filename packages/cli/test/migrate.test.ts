/**
 * The migration rule in the CLI (issue 18): every command that works on an assessment reads it through
 * `loadAssessment`, which verifies the file as it is and then migrates it forward (core `upgradeAssessment`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, verifyAssessment } from '@tieuchi/core';
import { loadAssessment } from '../src/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const file = join(root, 'examples', 'qd5959-green-clean-beautiful', 'high-score.assessment.json');

describe('loadAssessment', () => {
  it('reads a submitted version-1 file as the current version, with the same content hash, still verifying', () => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number; contentHash: string };
    expect(raw.schemaVersion).toBe(1);
    const io = { cwd: root, stdout: () => undefined, stderr: () => undefined };
    const { assessment, set } = loadAssessment(file, undefined, io, 'en');
    expect(assessment.schemaVersion).toBe(SCHEMA_VERSIONS.assessment);
    expect(assessment.contentHash).toBe(raw.contentHash);
    expect(verifyAssessment(assessment, { set }).ok).toBe(true);
  });
});
