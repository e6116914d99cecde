import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataApiCore,
  executeRdsRequest,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type DataApiCore,
} from '../../../../../local/plugins/data-api/index.js';
import { uniqueSchema, type BackendFixture } from './backends.js';

const arns = { resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN };

/** The in-process core's contract, run on one backend (PGlite or the PostgreSQL server). */
export function defineCoreCases(fixture: BackendFixture): void {
  describe(`Data API core on ${fixture.kind}`, () => {
    let core: DataApiCore;
    const schema = uniqueSchema();
    const table = `${schema}.items`;

    beforeAll(async () => {
      core = createDataApiCore({ backend: fixture.create() });
      await core.executeStatement({ ...arns, sql: `create schema ${schema}` });
      await core.executeStatement({
        ...arns,
        sql: `create table ${table} (id serial primary key, name text not null, price numeric(10,2), made date)`,
      });
    });
    afterAll(async () => {
      await core.executeStatement({ ...arns, sql: `drop schema ${schema} cascade` });
      await core.close();
    });

    it('inserts with named parameters and type hints, then reads records and column metadata', async () => {
      const inserted = await core.executeStatement({
        ...arns,
        sql: `insert into ${table} (name, price, made) values (:name, :price, :made)`,
        parameters: [
          { name: 'name', value: { stringValue: 'lamp' } },
          { name: 'price', value: { stringValue: '19.90' }, typeHint: 'DECIMAL' },
          { name: 'made', value: { stringValue: '2024-02-29' }, typeHint: 'DATE' },
        ],
      });
      expect(inserted).toEqual({ numberOfRecordsUpdated: 1, generatedFields: [] });

      const selected = await core.executeStatement({
        ...arns,
        sql: `select id, name, price, made from ${table} where name = :name`,
        parameters: [{ name: 'name', value: { stringValue: 'lamp' } }],
        includeResultMetadata: true,
      });
      expect(selected.records).toEqual([
        [{ longValue: 1 }, { stringValue: 'lamp' }, { stringValue: '19.90' }, { stringValue: '2024-02-29' }],
      ]);
      expect(selected.columnMetadata?.map((column) => [column.label, column.typeName, column.type, column.nullable])).toEqual([
        ['id', 'serial', 4, 0],
        ['name', 'text', 12, 0],
        ['price', 'numeric', 2, 1],
        ['made', 'date', 91, 1],
      ]);
    });

    it('commits a transaction, and a rolled back one leaves nothing behind', async () => {
      const { transactionId } = await core.beginTransaction(arns);
      await core.executeStatement({ ...arns, transactionId, sql: `insert into ${table} (name) values ('kept')` });
      expect(await core.commitTransaction({ ...arns, transactionId: transactionId! })).toEqual({
        transactionStatus: 'Transaction Committed',
      });

      const second = await core.beginTransaction(arns);
      await core.executeStatement({ ...arns, transactionId: second.transactionId, sql: `insert into ${table} (name) values ('dropped')` });
      expect(await core.rollbackTransaction({ ...arns, transactionId: second.transactionId! })).toEqual({
        transactionStatus: 'Rollback Complete',
      });

      const names = await core.executeStatement({ ...arns, sql: `select name from ${table} where name in ('kept', 'dropped')` });
      expect(names.records).toEqual([[{ stringValue: 'kept' }]]);
    });

    it('executeRdsRequest gives the ctx.result string AppSync hands a JS resolver', async () => {
      const outcome = await executeRdsRequest(
        core,
        { ...arns, database: 'roam' },
        {
          statements: [
            `insert into ${table} (name, price, made) values (:P0, :P1, :P2) returning id, name`,
            `select name, price, made from ${table} where name = :P0`,
          ],
          variableMap: { ':P0': 'desk', ':P1': '120.00', ':P2': '2024-03-01' },
          variableTypeHintMap: { ':P1': 'DECIMAL', ':P2': 'DATE' },
        },
      );
      expect('result' in outcome).toBe(true);
      const { sqlStatementResults } = JSON.parse((outcome as { result: string }).result);
      expect(sqlStatementResults).toHaveLength(2);
      expect(sqlStatementResults[0]).toMatchObject({
        numberOfRecordsUpdated: 0,
        records: [[{ longValue: expect.any(Number) }, { stringValue: 'desk' }]],
      });
      expect(sqlStatementResults[1].records).toEqual([[{ stringValue: 'desk' }, { stringValue: '120.00' }, { stringValue: '2024-03-01' }]]);
      expect(sqlStatementResults[1].columnMetadata.map((column: { label: string }) => column.label)).toEqual(['name', 'price', 'made']);
    });

    it('executeRdsRequest maps JSON values to Fields and reports failures as { message, type }', async () => {
      const typed = await executeRdsRequest(core, arns, {
        statements: [
          `select :P0::int8 + 1 as n, :P1::float8 as f, :P2::bool as b, :P3::text is null as missing, pg_typeof(:P4)::text as t`,
        ],
        variableMap: { ':P0': 41, ':P1': 0.5, ':P2': true, ':P3': null, ':P4': 'text' },
      });
      const [result] = JSON.parse((typed as { result: string }).result).sqlStatementResults;
      expect(result.records).toEqual([
        [{ longValue: 42 }, { doubleValue: 0.5 }, { booleanValue: true }, { booleanValue: true }, { stringValue: 'text' }],
      ]);
      const dml = await executeRdsRequest(core, arns, { statements: [`delete from ${table} where false`] });
      expect(JSON.parse((dml as { result: string }).result).sqlStatementResults).toEqual([
        { numberOfRecordsUpdated: 0, records: [], columnMetadata: [] },
      ]);

      expect(await executeRdsRequest(core, arns, { statements: [`select * from ${schema}.missing`] })).toEqual({
        error: {
          message: `ERROR: relation "${schema}.missing" does not exist; Position: 15; SQLState: 42P01`,
          type: 'DatabaseErrorException',
        },
      });
      expect(await executeRdsRequest(core, arns, { statements: ['select 1', 'select 2', 'select 3'] })).toMatchObject({
        error: { type: 'BadRequestException' },
      });
    });

    it('refuses a string parameter compared with an integer column, as AWS does', async () => {
      await expect(
        core.executeStatement({
          ...arns,
          sql: `select * from ${table} where id = :id`,
          parameters: [{ name: 'id', value: { stringValue: '1' } }],
        }),
      ).rejects.toMatchObject({
        awsName: 'DatabaseErrorException',
        message: expect.stringContaining('operator does not exist: integer = text'),
      });
    });
  });
}
