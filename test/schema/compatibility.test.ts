// `npm run schema:check`: GraphQL Inspector's verdict on the real schema with one edit, through the
// module and through the command as CI runs it (its exit code).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compareSchemas, formatReport, parseAllowedBreaks } from '../../scripts/schema/compatibility.js';
import { repoRoot } from './load.js';

const released = readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8');
const withoutDescription = released.replace(
  /^( {2}"""\n {2}Marketing description; may be long\.\n {2}"""\n {2}description: String\n)/m,
  '',
);
const withNewField = released.replace(/^( {2}description: String\n)/m, '$1  tagline: String\n');
const withNewMealPlan = released.replace(/^( {2}FULL_BOARD\n)/m, '$1  ALL_INCLUSIVE\n');
const REMOVED = "Field 'description' was removed from object type 'Hotel'";

const scratch = mkdtempSync(path.join(tmpdir(), 'roam-schema-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function runCheck(current: string, allowed: unknown[]): Promise<{ code: number; output: string }> {
  const files = { released: path.join(scratch, 'released.graphql'), current: path.join(scratch, 'current.graphql') };
  const allowedFile = path.join(scratch, 'allowed.json');
  writeFileSync(files.released, released);
  writeFileSync(files.current, current);
  writeFileSync(allowedFile, JSON.stringify(allowed));
  const args = ['tsx', 'scripts/schema-check.ts', '--released', files.released, '--current', files.current, '--allowed', allowedFile];
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', args, { cwd: repoRoot });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('schema compatibility with the released schema', () => {
  it('the edits under test really changed the schema', () => {
    for (const edited of [withoutDescription, withNewField, withNewMealPlan]) expect(edited).not.toBe(released);
  });

  it('fails on a removed field, naming it', async () => {
    const report = await compareSchemas(released, withoutDescription, []);
    expect(report.breaking.map((change) => change.message)).toEqual([REMOVED]);
    expect(formatReport(report).ok).toBe(false);
  });

  it('passes on an added field and lists it as safe', async () => {
    const report = await compareSchemas(released, withNewField, []);
    expect(report.breaking).toEqual([]);
    expect(report.safe.map((change) => change.message)).toContain("Field 'tagline' was added to object type 'Hotel'");
    expect(formatReport(report).ok).toBe(true);
  });

  it('passes on a new enum value but lists it as dangerous (an old app may not know it)', async () => {
    const report = await compareSchemas(released, withNewMealPlan, []);
    expect(report.breaking).toEqual([]);
    expect(report.dangerous.map((change) => change.message)).toEqual([
      expect.stringContaining("'ALL_INCLUSIVE' was added to enum 'MealPlan'"),
    ]);
    expect(formatReport(report)).toMatchObject({ ok: true, text: expect.stringContaining('Dangerous') });
  });

  it('lets a reviewed override allow exactly the break it names, with its reason', async () => {
    const report = await compareSchemas(released, withoutDescription, [{ message: REMOVED, reason: 'no app ever showed it' }]);
    expect(report.breaking).toEqual([]);
    expect(report.allowed.map(({ reason }) => reason)).toEqual(['no app ever showed it']);
    expect(formatReport(report).ok).toBe(true);
  });

  it('fails on an override that matches no change, so it cannot wave through a later break', async () => {
    const report = await compareSchemas(released, released, [{ message: REMOVED, reason: 'old' }]);
    expect(report.unusedOverrides).toHaveLength(1);
    expect(formatReport(report).ok).toBe(false);
  });

  it('refuses an override without a reason', () => {
    expect(() => parseAllowedBreaks(JSON.stringify([{ message: REMOVED, reason: ' ' }]), 'allowed.json')).toThrow(/each with a reason/);
  });

  it('npm run schema:check exits 1 on a removed field and 0 on an added one or an allowed break', async () => {
    const removed = await runCheck(withoutDescription, []);
    expect(removed.code).toBe(1);
    expect(removed.output).toContain(REMOVED);
    expect((await runCheck(withNewField, [])).code).toBe(0);
    expect((await runCheck(withoutDescription, [{ message: REMOVED, reason: 'reviewed' }])).code).toBe(0);
  });

  it('the committed released schema and overrides pass against schema.graphql', async () => {
    const overrides = parseAllowedBreaks(readFileSync(path.join(repoRoot, 'schema/allowed-breaks.json'), 'utf8'), 'allowed-breaks.json');
    const report = await compareSchemas(readFileSync(path.join(repoRoot, 'schema/released.graphql'), 'utf8'), released, overrides);
    expect(formatReport(report)).toMatchObject({ ok: true });
  });
});
