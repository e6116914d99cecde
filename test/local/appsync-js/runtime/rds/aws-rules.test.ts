// How AWS writes rds statements where a careful builder would have written something else: we
// give AWS's text (it is what the deployed resolver sends), and warn where the meaning changes.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { rds, instance } = freshRuntime();
const { select, insert, update, remove, sql, typeHint, createPgStatement } = rds;
const statement = (built: unknown): string => createPgStatement(built).statements[0];

function warningsOf(run: () => unknown): string[] {
  instance.beginInvocation({ fieldName: 'f', parentTypeName: 'Query' });
  run();
  return instance.endInvocation().warnings.map((warning: { message: string }) => warning.message);
}

describe('where: brackets as AWS places them', () => {
  it('leaves a lone condition, the entries of an object and the operators of a column unbracketed', () => {
    expect(statement(select({ table: 't', where: { a: { eq: 1 } } }))).toBe('SELECT * FROM "t" WHERE "a" = :P0');
    expect(statement(select({ table: 't', where: { a: { ge: 1, le: 9 }, b: { attributeExists: false } } }))).toBe(
      'SELECT * FROM "t" WHERE "a" >= :P0 AND "a" <= :P1 AND "b" IS NULL',
    );
  });

  it('brackets each member of an and / or list but never the list as a whole', () => {
    expect(statement(select({ table: 't', where: { and: [{ a: { eq: 1, gt: 0 } }, { b: { eq: 2 } }] } }))).toBe(
      'SELECT * FROM "t" WHERE ("a" = :P0 AND "a" > :P1) AND ("b" = :P2)',
    );
    expect(statement(select({ table: 't', where: { a: { eq: 1 }, or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] } }))).toBe(
      'SELECT * FROM "t" WHERE "a" = :P0 AND ("b" = :P1) OR ("c" = :P2)',
    );
  });

  it('warns when an or list of several members sits beside another condition, and not otherwise', () => {
    const ambiguous = warningsOf(() => select({ table: 't', where: { a: { eq: 1 }, or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] } }));
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toContain('{ and: [{ a }, { or: [b, c] }] }');
    expect(warningsOf(() => select({ table: 't', where: { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] } }))).toEqual([]);
    expect(warningsOf(() => select({ table: 't', where: { a: { eq: 1 }, or: [{ b: { eq: 2 } }] } }))).toEqual([]);
    expect(
      warningsOf(() => select({ table: 't', where: { and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] } })),
    ).toEqual([]);
  });

  it('warns where a condition that adds nothing leaves an AND or OR behind, or leaves no WHERE at all', () => {
    expect(warningsOf(() => select({ table: 't', where: { a: { eq: 1 }, b: {} } }))).toEqual([
      expect.stringContaining('keeps the AND or OR'),
    ]);
    expect(warningsOf(() => select({ table: 't', where: { or: [{}, { a: { eq: 1 } }] } }))).toEqual([
      expect.stringContaining('keeps the AND or OR'),
    ]);
    expect(warningsOf(() => remove({ table: 't', where: { and: [] } }))).toEqual([expect.stringContaining('applies to every row')]);
    expect(warningsOf(() => remove({ table: 't', where: {} }))).toEqual([]);
  });

  it('keeps the separators of conditions that add nothing, and drops WHERE only when nothing at all is left', () => {
    expect(statement(select({ table: 't', where: { a: { eq: 1 }, b: {} } }))).toBe('SELECT * FROM "t" WHERE "a" = :P0 AND');
    expect(statement(select({ table: 't', where: { or: [{}, {}] } }))).toBe('SELECT * FROM "t" WHERE  OR');
    expect(statement(select({ table: 't', where: { and: [{ or: [] }] }, limit: 1 }))).toBe('SELECT * FROM "t" LIMIT :P0');
    expect(statement(select({ table: 't', where: { b: { size: {} } } }))).toBe('SELECT * FROM "t"');
  });
});

describe('values AWS writes as text', () => {
  it('writes null and undefined values of insert and update, null between bounds and null size comparisons as NULL', () => {
    const request = createPgStatement(insert({ table: 't', values: { a: 'x', b: null, c: undefined } }));
    expect(request).toEqual({
      statements: ['INSERT INTO "t" ("a", "b", "c") VALUES (:P0, NULL, NULL)'],
      variableMap: { ':P0': 'x' },
      variableTypeHintMap: {},
    });
    expect(statement(update({ table: 't', values: { b: null }, where: { age: { between: [null, 9] } } }))).toBe(
      'UPDATE "t" SET "b" = NULL WHERE "age" BETWEEN NULL AND :P0',
    );
    expect(statement(select({ table: 't', where: { name: { size: { eq: null } } } }))).toBe(
      'SELECT * FROM "t" WHERE LENGTH ("name") = NULL',
    );
  });

  it('binds a numeric string limit as a number and sorts by any non-string dir ascending', () => {
    expect(createPgStatement(select({ table: 't', limit: '5', orderBy: [{ column: 'a', dir: 1 }] }))).toEqual({
      statements: ['SELECT * FROM "t" ORDER BY "a" ASC LIMIT :P0'],
      variableMap: { ':P0': 5 },
      variableTypeHintMap: {},
    });
  });

  it('wraps contains in wildcards and leaves notContains as given', () => {
    expect(createPgStatement(select({ table: 't', where: { a: { contains: 'x' }, b: { notContains: 'y' } } })).variableMap).toEqual({
      ':P0': '%x%',
      ':P1': 'y',
    });
  });
});

describe('empty lists and names', () => {
  it('writes an empty column or returning list as nothing after its keyword', () => {
    expect(statement(select({ table: 't', columns: [] }))).toBe('SELECT FROM "t"');
    expect(statement(remove({ table: 't', returning: [] }))).toBe('DELETE FROM "t" RETURNING');
    expect(statement(update({ table: 't', values: {}, where: { a: { eq: 1 } } }))).toBe('UPDATE "t" SET WHERE "a" = :P0');
  });

  it('reads a table alias as { alias: table } and quotes a qualified star', () => {
    expect(statement(select({ table: { p: 'public.persons' }, columns: ['p.*'] }))).toBe('SELECT "p"."*" FROM "public"."persons" as "p"');
  });

  it('lets select take from, while insert, update and remove read table only', () => {
    expect(statement(select({ from: 'persons' }))).toBe('SELECT * FROM "persons"');
    expect(statement(insert({ from: 'ignored', table: 'persons', values: { a: 1 } }))).toBe('INSERT INTO "persons" ("a") VALUES (:P0)');
    expect(() => remove({ from: 'persons' })).toThrow("'table' or 'from' key is required.");
  });
});

describe('misuse: AWS sentences, and no JavaScript error name', () => {
  it.each([
    [() => select(), 'An argument is expected to be passed to select'],
    [() => select([]), 'Expected payload to be an Object.'],
    [() => select({ table: { a: 'x', b: 'y' } }), 'table alias is allowed only one key-value pair.'],
    [() => select({ table: {} }), 'java.util.NoSuchElementException'],
    [() => select({ table: 't', where: { and: [sql`a = ${1}`] } }), 'Expected and to be an Object.'],
    [() => select({ table: 't', where: { a: { beginsWith: 5 } } }), 'a.beginsWith expects a string value to be passed.'],
    [() => select({ table: 't', where: { a: { in: [1] } } }), 'Unsupported condition a.in.'],
    [() => select({ table: 't', where: { a: { size: { contains: 'x' } } } }), 'a.size has invalid size operator.'],
    [() => select({ table: 't', offset: {} }), 'offset expects a number.'],
    [() => insert({ table: 't' }), 'values are expected to be passed to insert'],
    [() => createPgStatement(42), 'Unsupported type is passed as argument to createPgStatement'],
    [() => sql(['a'], 1, 2), 'java.lang.IllegalArgumentException: Unexpected argument passed to sql tagged template'],
  ])('%#: %s', (run, message) => {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ message, name: '' });
  });

  it('still binds type hints where a value is bound', () => {
    expect(createPgStatement(select({ table: 't', where: { id: { eq: typeHint.UUID('u') } } })).variableTypeHintMap).toEqual({
      ':P0': 'UUID',
    });
  });
});
