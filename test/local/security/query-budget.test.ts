import { buildSchema, execute, parse, type GraphQLObjectType } from 'graphql';
import { FieldRun } from '../../../local/appsync-js/field-run.js';
import { describe, expect, it } from 'vitest';
import { manifestResolver } from '../../../local/plugins/graphql/execute/field-resolver.js';
import type { FieldRunner } from '../../../local/plugins/graphql/execute/field-runners.js';
import { createRequestState } from '../../../local/plugins/graphql/execute/request-state.js';
import { QueryBudget } from '../../../local/plugins/graphql/validation/query-budget.js';
import { createDocumentValidator } from '../../../local/plugins/graphql/validation/validate-document.js';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    search(city: String): [Hotel]
    name: String
  }
  type Hotel {
    id: ID!
    name: String
  }
`);

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: search(city: "x") { id }`).join(' ')} }`;

describe('Query budget, checked before anything runs', () => {
  const validate = createDocumentValidator(schema);

  it(`accepts ${QueryBudget.MAX_ALIASES} aliases and refuses one more, as a validation error`, () => {
    expect(validate(aliases(QueryBudget.MAX_ALIASES)).ok).toBe(true);
    const refused = validate(aliases(QueryBudget.MAX_ALIASES + 1));
    expect(refused).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          path: null,
          message: `Validation error of type QueryBudget: Query has ${QueryBudget.MAX_ALIASES + 1} aliases, more than the maximum of ${QueryBudget.MAX_ALIASES}`,
        }),
      ],
    });
  });

  it('counts aliases and fields through fragments, so nested spreads cannot multiply them unseen', () => {
    // Each level doubles the one below: 2^20 fields once expanded, from a query of a few hundred bytes.
    const levels = Array.from(
      { length: 20 },
      (_, level) => `fragment F${level} on Query { ${level === 0 ? 'x: name y: name' : `...F${level - 1} ...F${level - 1}`} }`,
    );
    const query = `{ ...F19 }\n${levels.join('\n')}`;
    const refused = validate(query);
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toMatch(/Query has \d+ aliases/);
    expect(JSON.stringify(refused)).toMatch(/Query selects \d+ fields, more than the maximum of 2000/);
  });
});

describe('A request past its deadline', () => {
  it('starts no more resolvers: the field fails with ExecutionTimeout and its resolver never runs', async () => {
    let ran = 0;
    const runner: FieldRunner = {
      coordinate: 'Query.name',
      run: async () => {
        ran += 1;
        return { value: 'ran', errors: [], logs: [], effects: [] } as never;
      },
    };
    (schema.getType('Query') as GraphQLObjectType).getFields().name!.resolve = manifestResolver(runner, {});
    const state = (deadline: number) =>
      createRequestState({
        requestId: 'r',
        caller: { mode: 'API_KEY', identity: null } as never,
        headers: {},
        deadline,
        maxResolverCount: 10,
      });
    const late = await execute({ schema, document: parse('{ name }'), contextValue: state(Date.now() - 1) });
    expect(ran).toBe(0);
    expect(late.errors?.[0]?.message).toBe('Execution timed out.');
    expect(late.errors?.[0]?.extensions).toMatchObject({ errorType: 'ExecutionTimeout' });
    const inTime = await execute({ schema, document: parse('{ name }'), contextValue: state(Date.now() + 60_000) });
    expect(inTime.data).toEqual({ name: 'ran' });
    expect(ran).toBe(1);
  });
});

describe('A data source call past the deadline', () => {
  it('is not made: the step sees ExecutionTimeout as ctx.error', async () => {
    let calls = 0;
    const dataSource = async () => {
      calls += 1;
      return { result: 'ran' };
    };
    const late = new FieldRun({} as never, { deadline: Date.now() - 1, requestId: 'r' });
    expect(await late.callDataSource(dataSource, {})).toEqual({
      result: null,
      error: { message: 'Execution timed out.', type: 'ExecutionTimeout' },
    });
    expect(calls).toBe(0);
    const inTime = new FieldRun({} as never, { deadline: Date.now() + 60_000, requestId: 'r' });
    expect(await inTime.callDataSource(dataSource, {})).toEqual({ result: 'ran' });
    expect(calls).toBe(1);
  });
});
