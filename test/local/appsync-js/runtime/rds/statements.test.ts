// The sql tagged template and createPgStatement / createMySQLStatement: numbering across two
// statements, raw strings, the two-statement limit, and the injection guard.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { sql, select, insert, createPgStatement, createMySQLStatement } = freshRuntime().rds;

describe('sql tagged template', () => {
  it('keeps the static text and binds every value', () => {
    const id = "1'; DROP TABLE hotel; --";
    expect(createPgStatement(sql`SELECT * FROM persons WHERE id = ${id} AND age > ${18}`)).toEqual({
      statements: ['SELECT * FROM persons WHERE id = :P0 AND age > :P1'],
      variableMap: { ':P0': id, ':P1': 18 },
      variableTypeHintMap: {},
    });
  });

  it('refuses a statement as a value', () => {
    expect(() => sql`SELECT ${select({ table: 't' })}`).toThrow('a statement cannot be interpolated into sql``; only values can');
  });
});

describe('createPgStatement', () => {
  it('numbers placeholders across both statements', () => {
    const request = createPgStatement(
      insert({ table: 'hotel', values: { id: 'h1', name: 'Sea' } }),
      select({ table: 'hotel', where: { id: { eq: 'h1' } } }),
    );
    expect(request).toEqual({
      statements: ['INSERT INTO "hotel" ("id", "name") VALUES (:P0, :P1)', 'SELECT * FROM "hotel" WHERE "id" = :P2'],
      variableMap: { ':P0': 'h1', ':P1': 'Sea', ':P2': 'h1' },
      variableTypeHintMap: {},
    });
  });

  it('starts again at :P0 for each request and takes raw strings', () => {
    createPgStatement(sql`SELECT ${1}`);
    expect(createPgStatement('SELECT 1', sql`SELECT ${2}`)).toEqual({
      statements: ['SELECT 1', 'SELECT :P0'],
      variableMap: { ':P0': 2 },
      variableTypeHintMap: {},
    });
  });

  it('ignores a null second statement', () => {
    expect(createMySQLStatement(sql`SELECT ${1}`, null).statements).toEqual(['SELECT :P0']);
  });

  it('refuses more than two statements, none, or something else', () => {
    expect(() => createPgStatement('a', 'b', 'c')).toThrow('createPgStatement accepts at most 2 statements');
    expect(() => createPgStatement()).toThrow('An argument is expected to be passed to createPgStatement');
    expect(() => createPgStatement({ text: 'x' })).toThrow('Unsupported type is passed as argument to createPgStatement');
  });
});
