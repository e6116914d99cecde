import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphqlSync, isScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { APPSYNC_SCALAR_NAMES, appSyncScalars, attachAppSyncScalars } from '../../../../../local/plugins/graphql/scalars/index.js';

const builtinsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../platform/graphql/appsync-builtins.graphql');

describe('attachAppSyncScalars', () => {
  it('gives every AppSync scalar of a schema built from the built-ins file its AppSync behaviour', () => {
    const schema = attachAppSyncScalars(
      buildSchema(`${readFileSync(builtinsFile, 'utf8')}\ntype Query { when(at: AWSDateTime): AWSDateTime }`),
    );
    for (const name of APPSYNC_SCALAR_NAMES) {
      const type = schema.getType(name);
      expect(isScalarType(type), name).toBe(true);
      if (isScalarType(type)) expect(type.parseValue).toBe(appSyncScalars[name].parseValue);
    }
    const result = graphqlSync({
      schema,
      source: 'query Q($at: AWSDateTime) { when(at: $at) }',
      variableValues: { at: '2019' },
      rootValue: { when: () => null },
    });
    expect(result.errors?.[0]?.message).toContain('Unable to parse `2019` as a valid DateTime Object.');
  });

  it('leaves a schema without AppSync scalars as it was', () => {
    const schema = buildSchema('type Query { n: Int }');
    expect(attachAppSyncScalars(schema)).toBe(schema);
    expect(graphqlSync({ schema, source: '{ n }', rootValue: { n: 3 } }).data).toEqual({ n: 3 });
  });
});
