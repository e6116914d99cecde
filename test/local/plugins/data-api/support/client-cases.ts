import { Kysely, type ColumnType, type Generated } from 'kysely';
import { DataApiDialect } from 'kysely-data-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteContext } from './suite.js';

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
