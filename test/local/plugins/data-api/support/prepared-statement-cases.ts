import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataApiCore,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type DataApiCore,
  type DatabaseBackend,
} from '../../../../../local/plugins/data-api/index.js';
import { PREPARE_AFTER_USES } from '../../../../../local/plugins/data-api/backends/prepared-statements.js';
import { uniqueSchema } from './backends.js';

const arns = { resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN };

/**
 * Statements that callers repeat run as named prepared statements, outside transaction blocks.
 * `backend` must have one connection (PGlite has one; a pool of one on a server), so
 * pg_prepared_statements shows what that connection keeps.
 */
export function definePreparedStatementCases(kind: 'pglite' | 'postgres', backend: () => DatabaseBackend): void {
  describe(`prepared statements on ${kind}`, () => {
    const schema = uniqueSchema('prep');
    let core: DataApiCore;

    beforeAll(async () => {
      core = createDataApiCore({ backend: backend() });
      await execute(`create schema ${schema}`);
      await execute(`create table ${schema}.t (id int primary key, name text)`);
      await execute(`insert into ${schema}.t values (1, 'one'), (2, 'two')`);
    }, 60_000);
    afterAll(async () => {
      await execute(`drop schema if exists ${schema} cascade`).catch(() => undefined);
      await core?.close();
    });

    const execute = (sql: string, extra: Record<string, unknown> = {}) => core.executeStatement({ ...arns, sql, ...extra });
    /** The statements the connection keeps prepared whose text contains `marker`. */
    const preparedWith = async (marker: string, transactionId?: string) => {
      const out = await execute(
        `select count(*) from pg_prepared_statements where statement like '%' || :marker || '%' and statement not like '%pg_prepared_statements%'`,
        { parameters: [{ name: 'marker', value: { stringValue: marker } }], ...(transactionId ? { transactionId } : {}) },
      );
      return out.records?.[0]?.[0]?.longValue;
    };

    it(`prepares a statement once it has been run ${PREPARE_AFTER_USES} times, and answers the same from it`, async () => {
      const sql = `select id, name from ${schema}.t where id = :id /* repeated */`;
      const parameters = [{ name: 'id', value: { longValue: 2 } }];
      const first = await execute(sql, { parameters, includeResultMetadata: true });
      for (let i = 1; i < PREPARE_AFTER_USES - 1; i += 1) await execute(sql, { parameters });
      expect(await preparedWith('/* repeated */')).toBe(0);
      for (let i = 0; i < 3; i += 1) {
        expect(await execute(sql, { parameters, includeResultMetadata: true })).toEqual(first);
      }
      expect(await preparedWith('/* repeated */')).toBe(1);
      expect(first.records).toEqual([[{ longValue: 2 }, { stringValue: 'two' }]]);
    });

    it('answers with the new columns after the table changed under a prepared SELECT *', async () => {
      const sql = `select * from ${schema}.t where id = 1 /* star */`;
      for (let i = 0; i < PREPARE_AFTER_USES + 1; i += 1) await execute(sql);
      expect(await preparedWith('/* star */')).toBe(1);
      // The server refuses the cached statement ("cached plan must not change result type"); the call does not.
      await execute(`alter table ${schema}.t add column stars int default 4`);
      const out = await execute(sql, { includeResultMetadata: true });
      expect(out.columnMetadata?.map((column) => column.name)).toEqual(['id', 'name', 'stars']);
      expect(out.records).toEqual([[{ longValue: 1 }, { stringValue: 'one' }, { longValue: 4 }]]);
      // On a server the connection whose statement was refused was closed: the new one starts with none.
      if (kind === 'postgres') expect(await preparedWith('/* star */')).toBe(0);
      // Later calls prepare it again, with the new columns.
      for (let i = 0; i < 2; i += 1)
        expect((await execute(sql)).records).toEqual([[{ longValue: 1 }, { stringValue: 'one' }, { longValue: 4 }]]);
    });

    it('runs the statement again after the caller deallocated every prepared statement', async () => {
      const sql = `select name from ${schema}.t where id = 2 /* deallocated */`;
      for (let i = 0; i < PREPARE_AFTER_USES + 1; i += 1) await execute(sql);
      await execute('deallocate all');
      expect((await execute(sql)).records).toEqual([[{ stringValue: 'two' }]]);
    });

    it('never prepares a statement inside a transaction', async () => {
      const { transactionId } = await core.beginTransaction(arns);
      const sql = `select name from ${schema}.t where id = 1 /* in transaction */`;
      for (let i = 0; i < PREPARE_AFTER_USES + 2; i += 1) await execute(sql, { transactionId });
      expect(await preparedWith('/* in transaction */', transactionId)).toBe(0);
      await core.commitTransaction({ ...arns, transactionId });
    });

    it('reports the errors of a prepared statement as of any other', async () => {
      const sql = `select 1 / :d /* divide */`;
      const parameters = (d: number) => [{ name: 'd', value: { longValue: d } }];
      for (let i = 0; i < PREPARE_AFTER_USES + 1; i += 1) await execute(sql, { parameters: parameters(1) });
      expect(await preparedWith('/* divide */')).toBe(1);
      await expect(execute(sql, { parameters: parameters(0) })).rejects.toMatchObject({
        name: 'DatabaseErrorException',
        message: expect.stringContaining('division by zero'),
      });
      expect((await execute(sql, { parameters: parameters(1) })).records).toEqual([[{ longValue: 1 }]]);
    });
  });
}
