// The resolvers and Lambdas are typed from the schema: regenerate generated/graphql.ts from an
// edited schema (in memory), typecheck the resolver code against it with the project's own
// tsconfig (what `npm run typecheck` runs), and the file that no longer agrees must fail.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { config } from '../../codegen.js';
import { paths, repoRoot, schemaSource } from './load.js';

const GENERATED = path.join(repoRoot, 'generated/graphql.ts');
const scratch = mkdtempSync(path.join(tmpdir(), 'roam-resolver-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** generated/graphql.ts as `npm run codegen` would write it for `schemaText`. */
async function resolverTypesFor(schemaText: string): Promise<string> {
  const schemaFile = path.join(scratch, `schema-${Math.random().toString(36).slice(2)}.graphql`);
  writeFileSync(schemaFile, schemaText);
  const { documents: _documents, ...withoutDocuments } = config;
  const outputs = (await generate(
    {
      ...withoutDocuments,
      schema: [path.join(repoRoot, paths.builtins), schemaFile],
      generates: { 'generated/graphql.ts': config.generates['generated/graphql.ts']! },
      cwd: repoRoot,
      silent: true,
      verbose: false,
    },
    false,
  )) as { content: string }[];
  return outputs[0]!.content;
}

/** Every resolver file, pipeline function and Lambda entry (which imports its field handlers). */
function resolverRoots(): string[] {
  const inDir = (dir: string) =>
    readdirSync(path.join(repoRoot, dir))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(repoRoot, dir, name));
  const lambdas = readdirSync(path.join(repoRoot, 'resolvers/lambda'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(repoRoot, 'resolvers/lambda', entry.name, 'handler.ts'))
    .filter((file) => ts.sys.fileExists(file));
  return [...inDir('resolvers/js'), ...inDir('resolvers/functions'), ...lambdas];
}

let previousProgram: ts.Program | undefined;

/** Type errors by repository-relative file, with generated/graphql.ts replaced by `generatedTypes`. */
function typeErrors(generatedTypes: string): Map<string, string[]> {
  const tsconfig = ts.getParsedCommandLineOfConfigFile(
    path.join(repoRoot, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(tsconfig.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === GENERATED ? generatedTypes : readFile(file));
  // Files other than generated/graphql.ts are parsed once and reused by the next program.
  const program = ts.createProgram({ rootNames: resolverRoots(), options: tsconfig.options, host, oldProgram: previousProgram });
  previousProgram = program;
  const errors = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.relative(repoRoot, diagnostic.file.fileName) : '(global)';
    errors.set(file, [...(errors.get(file) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')]);
  }
  return errors;
}

/** The schema with one edit, which must have changed something. */
function edited(from: RegExp, to: string): string {
  const schema = schemaSource();
  const changed = schema.replace(from, to);
  expect(changed, `${from} matched nothing`).not.toBe(schema);
  return changed;
}

describe('resolver and Lambda types follow the schema', () => {
  it('the resolver code typechecks against the committed schema (the harness itself reports nothing)', async () => {
    expect([...typeErrors(await resolverTypesFor(schemaSource())).keys()]).toEqual([]);
  });

  it('renaming an argument fails the APPSYNC_JS resolver that reads it', async () => {
    const errors = typeErrors(
      await resolverTypesFor(edited(/(\n {2}hotel\(\n(?: {4}"""\n(?: {4}[^\n]*\n)+? {4}"""\n)?) {4}id: ID!/, '$1    hotelId: ID!')),
    );
    expect(errors.get('resolvers/js/Query.hotel.ts')?.join('\n')).toMatch(/Property 'id' does not exist/);
  });

  it('renaming a result field fails the APPSYNC_JS resolver that returns it', async () => {
    const errors = typeErrors(await resolverTypesFor(edited(/\n {2}countryCode: String!/, '\n  country: String!')));
    expect(errors.get('resolvers/js/Query.cities.ts')?.join('\n')).toMatch(/countryCode/);
  });

  it('renaming an input field fails the Lambda handler that reads it', async () => {
    const errors = typeErrors(
      await resolverTypesFor(edited(/(input CancelBookingInput \{\n(?: {2}[^\n]*\n)*?) {2}bookingId: ID!/, '$1  id: ID!')),
    );
    expect(errors.get('resolvers/lambda/bookings/cancel-booking.ts')?.join('\n')).toMatch(/bookingId/);
  });

  it('renaming a result field fails the Lambda handlers that return it', async () => {
    const errors = typeErrors(await resolverTypesFor(edited(/\n {2}amountCharged: Money!/, '\n  amountPaid: Money!')));
    expect(errors.get('resolvers/lambda/bookings/create-booking.ts')?.join('\n')).toMatch(/amountPaid/);
    expect(errors.get('resolvers/lambda/bookings/cancel-booking.ts')?.join('\n')).toMatch(/amountPaid/);
  });
});
