// The schema files published for native codegen, fed to the tools as their users run them:
// Amplify's own generator (what `amplify codegen` runs) on generated/schema.graphql and on the
// introspection JSON, and graphql-js (as Apollo Kotlin and Apollo iOS read SDL) on the .graphqls.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { assertValidSchema, buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { paths, readRepoFile, repoRoot } from './load.js';

type AmplifyTarget = 'swift' | 'typescript' | 'angular' | 'flow';
interface AmplifyTypesGenerator {
  generateFromString(
    schema: string,
    introspection: boolean,
    documents: string,
    target: AmplifyTarget,
    multipleSwiftFiles: boolean,
    options: object,
  ): Record<string, string>;
}
const amplify = createRequire(import.meta.url)('@aws-amplify/graphql-types-generator') as AmplifyTypesGenerator;

const documents = readdirSync(join(repoRoot, paths.operations))
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => readRepoFile(join(paths.operations, name)))
  .join('\n');
const generatedOutput = (files: Record<string, string>) => Object.values(files).join('\n');

describe('native codegen inputs', () => {
  it('Amplify codegen generates Swift and TypeScript from generated/schema.graphql and every client operation', () => {
    for (const target of ['swift', 'typescript'] as const) {
      const output = generatedOutput(
        amplify.generateFromString(readRepoFile('generated/schema.graphql'), false, documents, target, false, {}),
      );
      expect(output, target).toContain('SearchHotels');
      expect(output, target).toContain('OnBookingUpdated');
    }
  });

  it('Amplify codegen generates Swift from the introspection JSON', () => {
    const output = generatedOutput(amplify.generateFromString(readRepoFile('generated/schema.json'), true, documents, 'swift', false, {}));
    expect(output).toContain('public final class CreateBookingMutation');
  });

  it('Amplify codegen refuses an SDL that declares the AppSync scalars itself (why schema.graphql leaves them out)', () => {
    expect(() => amplify.generateFromString(readRepoFile('generated/schema.graphqls'), false, documents, 'swift', false, {})).toThrow(
      /AWSDate/,
    );
  });

  it('the complete .graphqls is a valid schema on its own, and every client operation validates against it', () => {
    const schema = buildSchema(readRepoFile('generated/schema.graphqls'));
    assertValidSchema(schema);
    expect(validate(schema, parse(documents))).toEqual([]);
    expect(schema.getType('AWSDateTime')).toBeDefined();
  });

  it('the AppSync SDL is not a schema on its own: it needs the scalars a tool declares for it', () => {
    expect(() => buildSchema(readRepoFile('generated/schema.graphql'))).toThrow(/Unknown type "AWS/);
  });
});
