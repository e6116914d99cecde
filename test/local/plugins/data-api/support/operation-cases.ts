import {
  BatchExecuteStatementCommand,
  BeginTransactionCommand,
  CommitTransactionCommand,
  ExecuteSqlCommand,
  ExecuteStatementCommand,
  RDSDataClient,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteContext } from './suite.js';

/** Every operation through the unmodified SDK, with the exact response shapes. */
export function defineOperationCases(suite: SuiteContext): void {
  describe('operations', () => {
    let table: string;
    beforeAll(async () => {
      table = `${suite.schema}.ops`;
      await suite.sql(`create table ${table} (id serial primary key, name text not null, qty int4)`);
    });

    it('ExecuteStatement: DML reports numberOfRecordsUpdated and empty generatedFields, no metadata', async () => {
      const { client, arns } = suite.dataApi;
      const out = await client.send(
        new ExecuteStatementCommand({
          ...arns,
          sql: `insert into ${table} (name, qty) values (:name, :qty), (:name, :qty + 1)`,
          parameters: [
            { name: 'name', value: { stringValue: 'pen' } },
            { name: 'qty', value: { longValue: 3 } },
          ],
          includeResultMetadata: true,
        }),
      );
      expect(out.numberOfRecordsUpdated).toBe(2);
      expect(out.generatedFields).toEqual([]);
      expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(out.columnMetadata).toBeUndefined();
      expect(out.records).toBeUndefined();
    });

    it('ExecuteStatement: a query returns records, and columnMetadata only when asked (even for zero rows)', async () => {
      const { client, arns } = suite.dataApi;
      const plain = await client.send(
        new ExecuteStatementCommand({ ...arns, sql: `select name, qty from ${table} where name = 'pen' order by qty` }),
      );
      expect(plain.records).toEqual([
        [{ stringValue: 'pen' }, { longValue: 3 }],
        [{ stringValue: 'pen' }, { longValue: 4 }],
      ]);
      expect(plain.numberOfRecordsUpdated).toBe(0);
      expect(plain.columnMetadata).toBeUndefined();

      const none = await client.send(
        new ExecuteStatementCommand({ ...arns, sql: `select id as "itemId" from ${table} where false`, includeResultMetadata: true }),
      );
      expect(none.records).toEqual([]);
      expect(none.columnMetadata).toEqual([
        expect.objectContaining({
          name: 'itemId',
          label: 'itemId',
          typeName: 'serial',
          type: 4,
          tableName: 'ops',
          schemaName: '',
          nullable: 0,
          isAutoIncrement: true,
          isSigned: true,
          precision: 10,
          scale: 0,
        }),
      ]);
    });

    it('columnMetadata follows DDL (table facts are cached until DDL or a rollback)', async () => {
      const { client, arns } = suite.dataApi;
      const nullable = async () =>
        (await client.send(new ExecuteStatementCommand({ ...arns, sql: `select qty from ${table} limit 0`, includeResultMetadata: true })))
          .columnMetadata?.[0]?.nullable;
      expect(await nullable()).toBe(1);
      await client.send(new ExecuteStatementCommand({ ...arns, sql: `update ${table} set qty = 0 where qty is null` }));
      await client.send(new ExecuteStatementCommand({ ...arns, sql: `alter table ${table} alter qty set not null` }));
      expect(await nullable()).toBe(0);
      await client.send(new ExecuteStatementCommand({ ...arns, sql: `alter table ${table} alter qty drop not null` }));
      expect(await nullable()).toBe(1);
    });

    it('ExecuteStatement: RETURNING gives records', async () => {
      const { client, arns } = suite.dataApi;
      const out = await client.send(
        new ExecuteStatementCommand({ ...arns, sql: `update ${table} set qty = qty * 10 where qty = 3 returning qty` }),
      );
      expect(out.records).toEqual([[{ longValue: 30 }]]);
    });

    it('BatchExecuteStatement runs the statement once per parameter set and returns one updateResult each', async () => {
      const { client, arns } = suite.dataApi;
      const out = await client.send(
        new BatchExecuteStatementCommand({
          ...arns,
          sql: `insert into ${table} (name, qty) values (:name, :qty)`,
          parameterSets: [
            [
              { name: 'name', value: { stringValue: 'batch-a' } },
              { name: 'qty', value: { longValue: 1 } },
            ],
            [
              { name: 'name', value: { stringValue: 'batch-b' } },
              { name: 'qty', value: { isNull: true } },
            ],
          ],
        }),
      );
      expect(out.updateResults).toEqual([{ generatedFields: [] }, { generatedFields: [] }]);
      const rows = await client.send(
        new ExecuteStatementCommand({ ...arns, sql: `select name, qty from ${table} where name like 'batch-%' order by name` }),
      );
      expect(rows.records).toEqual([
        [{ stringValue: 'batch-a' }, { longValue: 1 }],
        [{ stringValue: 'batch-b' }, { isNull: true }],
      ]);
    });

    it('BatchExecuteStatement outside a transaction is all-or-nothing (DECISIONS.md)', async () => {
      const { client, arns } = suite.dataApi;
      const failing = client.send(
        new BatchExecuteStatementCommand({
          ...arns,
          sql: `insert into ${table} (name) values (:name)`,
          parameterSets: [[{ name: 'name', value: { stringValue: 'atomic-1' } }], [{ name: 'name', value: { isNull: true } }]],
        }),
      );
      await expect(failing).rejects.toMatchObject({ name: 'DatabaseErrorException', message: expect.stringContaining('SQLState: 23502') });
      const rows = await client.send(
        new ExecuteStatementCommand({ ...arns, sql: `select count(*) from ${table} where name = 'atomic-1'` }),
      );
      expect(rows.records).toEqual([[{ longValue: 0 }]]);
    });

    it('BeginTransaction / CommitTransaction: statements with the id run inside it', async () => {
      const { client, arns } = suite.dataApi;
      const { transactionId } = await client.send(new BeginTransactionCommand({ ...arns, database: 'roam' }));
      expect(transactionId).toMatch(/^[A-Za-z0-9+/=]{20,192}$/);
      await client.send(new ExecuteStatementCommand({ ...arns, transactionId, sql: `insert into ${table} (name) values ('tx-commit')` }));
      const inside = await client.send(
        new ExecuteStatementCommand({ ...arns, transactionId, sql: `select count(*) from ${table} where name = 'tx-commit'` }),
      );
      expect(inside.records).toEqual([[{ longValue: 1 }]]);
      const commit = await client.send(new CommitTransactionCommand({ ...arns, transactionId }));
      expect(commit.transactionStatus).toBe('Transaction Committed');
      const after = await client.send(
        new ExecuteStatementCommand({ ...arns, sql: `select count(*) from ${table} where name = 'tx-commit'` }),
      );
      expect(after.records).toEqual([[{ longValue: 1 }]]);
    });

    it('RollbackTransaction undoes DML and DDL; BatchExecute inside a transaction joins it', async () => {
      const { client, arns } = suite.dataApi;
      const { transactionId } = await client.send(new BeginTransactionCommand(arns));
      await client.send(new ExecuteStatementCommand({ ...arns, transactionId, sql: `create table ${suite.schema}.scratch (a int)` }));
      await client.send(
        new BatchExecuteStatementCommand({
          ...arns,
          transactionId,
          sql: `insert into ${table} (name) values (:n)`,
          parameterSets: [[{ name: 'n', value: { stringValue: 'tx-rollback' } }]],
        }),
      );
      const rollback = await client.send(new RollbackTransactionCommand({ ...arns, transactionId }));
      expect(rollback.transactionStatus).toBe('Rollback Complete');
      const rows = await client.send(
        new ExecuteStatementCommand({
          ...arns,
          sql: `select (select count(*) from ${table} where name = 'tx-rollback'), to_regclass('${suite.schema}.scratch')::text`,
        }),
      );
      expect(rows.records).toEqual([[{ longValue: 0 }, { isNull: true }]]);
    });

    it('ExecuteSql (deprecated) runs several statements and answers in the old resultFrame shape', async () => {
      const { client, arns } = suite.dataApi;
      const out = await client.send(
        new ExecuteSqlCommand({
          dbClusterOrInstanceArn: arns.resourceArn,
          awsSecretStoreArn: arns.secretArn,
          sqlStatements: `insert into ${table} (name, qty) values ('legacy', 7); select name, qty, true as ok, 1.5::float4 as r from ${table} where name = 'legacy'`,
        }),
      );
      expect(out.sqlStatementResults?.[0]).toEqual({ numberOfRecordsUpdated: 1 });
      const frame = out.sqlStatementResults?.[1]?.resultFrame;
      expect(frame?.resultSetMetadata?.columnCount).toBe(4);
      expect(frame?.records).toEqual([{ values: [{ stringValue: 'legacy' }, { intValue: 7 }, { bitValue: true }, { realValue: 1.5 }] }]);
    });

    it('accepts an endpoint with a path prefix and a trailing slash', async () => {
      const { sdkConfig, arns } = suite.dataApi;
      const prefixed = new RDSDataClient({ ...sdkConfig, endpoint: `${sdkConfig.endpoint}/data-api/` });
      const out = await prefixed.send(new ExecuteStatementCommand({ ...arns, sql: 'select 1' }));
      expect(out.records).toEqual([[{ longValue: 1 }]]);
      prefixed.destroy();
    });
  });
}
