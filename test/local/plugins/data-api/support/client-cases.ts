import { createRequire } from 'node:module';
import { Kysely, type ColumnType, type Generated } from 'kysely';
import { DataApiDialect } from 'kysely-data-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteContext } from './suite.js';

/** The part of data-api-client 1.x (untyped, AWS SDK v2 inside) these cases use. */
interface DataApiClient {
  query(sql: string, params?: Record<string, unknown>): Promise<{ records?: Record<string, unknown>[]; numberOfRecordsUpdated?: number }>;
  transaction(): DataApiClientTransaction;
}
interface DataApiClientTransaction {
  query(sql: string, params?: Record<string, unknown>): DataApiClientTransaction;
  commit(): Promise<unknown[]>;
}
type DataApiClientFactory = (config: Record<string, unknown>) => DataApiClient;

interface Database {
  guests: { id: Generated<number>; name: string; joined: ColumnType<Date | null, Date | null | undefined, Date | null> };
}

/** Third-party clients built on the Data API, unmodified, against our endpoint. */
export function defineClientCases(suite: SuiteContext): void {
  let table: string;
  beforeAll(async () => {
    table = `${suite.schema}.guests`;
    await suite.sql(`create table ${table} (id serial primary key, name text not null, joined timestamptz)`);
  });

  describe('data-api-client 1.x (AWS SDK v2)', () => {
    let client: DataApiClient;
    beforeAll(() => {
      const dataApiClient = createRequire(import.meta.url)('data-api-client') as DataApiClientFactory;
      const { endpoint, region, credentials } = suite.dataApi.sdkConfig;
      client = dataApiClient({
        ...suite.dataApi.arns,
        engine: 'pg',
        database: 'roam',
        options: { endpoint, region, sslEnabled: false, ...credentials, maxRetries: 0 },
      });
    });

    it('inserts and selects with named parameters, rows hydrated from columnMetadata', async () => {
      const inserted = await client.query(`insert into ${table} (name) values (:name) returning id, name`, { name: 'Ada' });
      expect(inserted.records).toEqual([{ id: expect.any(Number), name: 'Ada' }]);
      const selected = await client.query(`select name, joined from ${table} where name = :name`, { name: 'Ada' });
      expect(selected.records).toEqual([{ name: 'Ada', joined: null }]);
    });

    it('commits a transaction, and rolls one back when a query fails', async () => {
      const results = await client
        .transaction()
        .query(`insert into ${table} (name) values (:name)`, { name: 'Grace' })
        .query(`update ${table} set name = :to where name = :from`, { from: 'Grace', to: 'Grace H.' })
        .commit();
      expect(results.at(-1)).toEqual({ transactionStatus: 'Transaction Committed' });

      const failing = client
        .transaction()
        .query(`insert into ${table} (name) values (:name)`, { name: 'Rolled' })
        .query(`insert into ${table} (name) values (null)`)
        .commit();
      await expect(failing).rejects.toMatchObject({ code: 'DatabaseErrorException' });
      const rows = await client.query(`select name from ${table} where name in ('Grace H.', 'Rolled') order by name`);
      expect(rows.records).toEqual([{ name: 'Grace H.' }]);
    });
  });

  describe('kysely + kysely-data-api', () => {
    let db: Kysely<Database>;
    beforeAll(() => {
      db = new Kysely<Database>({
        dialect: new DataApiDialect({ mode: 'postgres', driver: { client: suite.dataApi.api, database: 'roam', ...suite.dataApi.arns } }),
      });
    });
    afterAll(() => db.destroy());

    const guests = () => db.withSchema(suite.schema).selectFrom('guests');

    it('inserts and selects, timestamptz coming back as the same instant', async () => {
      const joined = new Date(Date.UTC(2024, 0, 31, 12, 34, 56, 789));
      const inserted = await db
        .withSchema(suite.schema)
        .insertInto('guests')
        .values({ name: 'Linus', joined })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      expect(inserted).toEqual({ id: expect.any(Number), name: 'Linus' });
      const row = await guests().select(['name', 'joined']).where('name', '=', 'Linus').executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'Linus', joined });
    });

    it('commits a transaction, and rolls one back when the callback throws', async () => {
      await db.transaction().execute(async (trx) => {
        await trx.withSchema(suite.schema).insertInto('guests').values({ name: 'Barbara' }).execute();
        await trx.withSchema(suite.schema).updateTable('guests').set({ name: 'Barbara L.' }).where('name', '=', 'Barbara').execute();
      });
      await expect(
        db.transaction().execute(async (trx) => {
          await trx.withSchema(suite.schema).insertInto('guests').values({ name: 'Undone' }).execute();
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const names = await guests().select('name').where('name', 'in', ['Barbara L.', 'Undone']).execute();
      expect(names).toEqual([{ name: 'Barbara L.' }]);
    });
  });
}
