// generated/ is exactly what `npm run codegen` produces now: the codegen config is run in memory
// (nothing written) and each output is compared with the committed file, and generated/ holds no
// file the config no longer produces. A run twice in a row gives the same bytes (no dates or paths).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../codegen.js';
import { paths, repoRoot } from './load.js';

interface Output {
  readonly filename: string;
  readonly content: string;
}

async function runCodegen(): Promise<Map<string, string>> {
  const outputs = (await generate({ ...config, cwd: repoRoot, silent: true, verbose: false }, false)) as Output[];
  return new Map(outputs.map((output) => [relative(repoRoot, join(repoRoot, output.filename)), output.content]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(repoRoot, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('generated/', () => {
  let outputs: Map<string, string>;

  beforeAll(async () => {
    outputs = await runCodegen();
  });

  it('produces the five outputs: resolver types, client documents, AppSync SDL, complete SDL, introspection', () => {
    expect([...outputs.keys()].sort()).toEqual([
      'generated/client/operations.ts',
      'generated/graphql.ts',
      'generated/schema.graphql',
      'generated/schema.graphqls',
      'generated/schema.json',
    ]);
  });

  it('matches a fresh codegen run byte for byte (run `npm run codegen` and commit if not)', () => {
    const stale = [...outputs].filter(([file, content]) => readFileSync(join(repoRoot, file), 'utf8') !== content).map(([file]) => file);
    expect(stale).toEqual([]);
  });

  it('holds no file that codegen no longer produces', () => {
    expect(filesUnder(paths.generated).sort()).toEqual([...outputs.keys()].sort());
  });

  it('is deterministic: a second run gives the same output', async () => {
    const again = await runCodegen();
    // Files are compared by name: codegen may finish them in a different order.
    expect(Object.fromEntries(again)).toEqual(Object.fromEntries(outputs));
  });

  it('declares the AppSync built-ins in the complete SDL (.graphqls) for tools that know nothing of AppSync', () => {
    const sdl = outputs.get('generated/schema.graphqls')!;
    expect(sdl).toContain('scalar AWSDateTime');
    expect(sdl).toContain('directive @aws_subscribe(');
    expect(sdl).toContain('@aws_subscribe(mutations: ["createBooking", "cancelBooking", "completeStay"])');
  });

  it('leaves the built-in declarations out of the AppSync SDL but keeps every use of them', () => {
    const sdl = outputs.get('generated/schema.graphql')!;
    expect(sdl).not.toMatch(/^scalar AWS|^directive @aws_/m);
    expect(sdl).toContain('@aws_subscribe(mutations: ["createBooking", "cancelBooking", "completeStay"])');
    expect(sdl).toMatch(/: AWSDate!/);
  });
});
