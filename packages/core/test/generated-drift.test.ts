/**
 * The drift check (`pnpm --filter @tieuchi/core run check-generated`, run by the test command) must fail when a
 * generated file differs from what the schemas generate. The build does not regenerate, so a schema edited without
 * `pnpm generate` is caught rather than silently regenerated before the check.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const core = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tieuchi-drift-'));
for (const d of ['scripts', 'schema', 'src/generated']) cpSync(join(core, d), join(dir, d), { recursive: true });
symlinkSync(join(core, 'node_modules'), join(dir, 'node_modules'), 'dir');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = () => spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: dir, encoding: 'utf8' });

describe('generated-code drift check', () => {
  it('passes on the committed files', () => {
    const r = check();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('fails, naming the file, when a generated file was edited by hand', () => {
    const types = join(dir, 'src/generated/types.ts');
    const old = readFileSync(types, 'utf8');
    writeFileSync(
      types,
      old.replace('export interface Assessment {', 'export interface Assessment {\n  edited?: true;'),
    );
    const r = check();
    writeFileSync(types, old);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('types.ts');
  });

  it('fails when a schema changed and nothing was regenerated', () => {
    const schema = join(dir, 'schema/facility.schema.json');
    const old = readFileSync(schema, 'utf8');
    writeFileSync(schema, old.replace('"maxLength": 4000', '"maxLength": 4001'));
    const r = check();
    writeFileSync(schema, old);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('validators.js');
  });
});
