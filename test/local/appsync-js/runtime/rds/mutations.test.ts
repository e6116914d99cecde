// insert, update and remove, with returning, NULL values and the MySQL refusal of RETURNING.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { insert, update, remove, typeHint, sql, createPgStatement, createMySQLStatement } = freshRuntime().rds;

describe('insert', () => {
  it('binds each value and writes null and undefined inline as NULL, keeping the column', () => {
    const request = createPgStatement(
      insert({
        table: 'guest',
        values: { id: typeHint.UUID('g1'), name: 'Ana', note: null, skipped: undefined },
        returning: '*',
      }),
    );
    expect(request).toEqual({
      statements: ['INSERT INTO "guest" ("id", "name", "note", "skipped") VALUES (:P0, :P1, NULL, NULL) RETURNING *'],
      variableMap: { ':P0': 'g1', ':P1': 'Ana' },
      variableTypeHintMap: { ':P0': 'UUID' },
    });
  });

  it('uses backticks for MySQL and refuses returning there', () => {
    expect(createMySQLStatement(insert({ table: 'guest', values: { name: 'Ana' } })).statements).toEqual([
      'INSERT INTO `guest` (`name`) VALUES (:P0)',
    ]);
    expect(() => createMySQLStatement(insert({ table: 'guest', values: { name: 'Ana' }, returning: ['id'] }))).toThrow(
      'MySQL statements do not support RETURNING',
    );
  });

  it('needs values', () => {
    expect(() => insert({ table: 'guest' })).toThrow('values are expected to be passed to insert');
    expect(() => insert({ table: 'guest', values: [1] })).toThrow('Expected values to an Object.');
    expect(() => insert({ from: 'guest', values: { a: 1 } })).toThrow("'table' or 'from' key is required.");
  });
});

describe('update', () => {
  it('sets values, filters and returns', () => {
    const request = createPgStatement(
      update({
        table: 'booking',
        values: { status: 'CANCELLED', reason: null },
        where: { id: { eq: 7 }, status: { ne: 'DONE' } },
        returning: ['id', { s: 'status' }],
      }),
    );
    expect(request.statements).toEqual([
      'UPDATE "booking" SET "status" = :P0, "reason" = NULL WHERE "id" = :P1 AND "status" != :P2 RETURNING "id", "status" as "s"',
    ]);
    expect(request.variableMap).toEqual({ ':P0': 'CANCELLED', ':P1': 7, ':P2': 'DONE' });
  });
});

describe('remove', () => {
  it('deletes without a condition when none is given', () => {
    expect(createPgStatement(remove({ table: 'tmp' })).statements).toEqual(['DELETE FROM "tmp"']);
  });

  it('accepts a sql where', () => {
    expect(createPgStatement(remove({ table: 'tmp', where: sql`created < now() - ${'1 day'}::interval` }))).toEqual({
      statements: ['DELETE FROM "tmp" WHERE created < now() - :P0::interval'],
      variableMap: { ':P0': '1 day' },
      variableTypeHintMap: {},
    });
  });
});
