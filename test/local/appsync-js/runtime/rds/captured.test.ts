// The four outputs captured on AWS, character for character.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { rds } = freshRuntime();
const { select, remove, createPgStatement, typeHint } = rds;

describe('AWS-captured RDS builder outputs', () => {
  it('1: select with or, orderBy, limit and offset', () => {
    const request = createPgStatement(
      select({
        table: 'UserGroup',
        columns: ['id', 'name'],
        where: { or: [{ name: { eq: 'Stephane' } }, { id: { gt: 10 } }] },
        limit: 10,
        offset: 1,
        orderBy: [{ column: 'name' }, { column: 'id', dir: 'DESC' }],
      }),
    );
    expect(JSON.stringify(request)).toBe(
      JSON.stringify({
        statements: [
          'SELECT "id", "name" FROM "UserGroup" WHERE ("name" = :P0) OR ("id" > :P1) ORDER BY "name" ASC, "id" DESC LIMIT :P2 OFFSET :P3',
        ],
        variableMap: { ':P0': 'Stephane', ':P1': 10, ':P2': 10, ':P3': 1 },
        variableTypeHintMap: {},
      }),
    );
  });

  it('2: remove with a single condition and returning', () => {
    const request = createPgStatement(remove({ table: 'persons', where: { id: { eq: '1232' } }, returning: ['id', 'name'] }));
    expect(JSON.stringify(request)).toBe(
      JSON.stringify({
        statements: ['DELETE FROM "persons" WHERE "id" = :P0 RETURNING "id", "name"'],
        variableMap: { ':P0': '1232' },
        variableTypeHintMap: {},
      }),
    );
  });

  it('3: select with and and type hints, no columns', () => {
    const request = createPgStatement(
      select({
        table: 'UserGroup',
        where: { and: [{ id: { eq: typeHint.UUID('1232') } }, { started: { lt: typeHint.TIMESTAMP('2022-03-02T00:00:00.000Z') } }] },
      }),
    );
    expect(JSON.stringify(request)).toBe(
      JSON.stringify({
        statements: ['SELECT * FROM "UserGroup" WHERE ("id" = :P0) AND ("started" < :P1)'],
        variableMap: { ':P0': '1232', ':P1': '2022-03-02T00:00:00.000Z' },
        variableTypeHintMap: { ':P0': 'UUID', ':P1': 'TIMESTAMP' },
      }),
    );
  });

  it('4: typeHint.UUID returns the plain { type, value } object', () => {
    expect(JSON.stringify(typeHint.UUID('abc123'))).toBe('{"type":"UUID","value":"abc123"}');
  });
});
