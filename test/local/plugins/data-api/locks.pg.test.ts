import {
  BeginTransactionCommand,
  CommitTransactionCommand,
  DatabaseErrorException,
  ExecuteStatementCommand,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { postgresFixture } from './support/backends.js';
import { eventually } from './support/server.js';
import { useSuite } from './support/suite.js';

// On the PostgreSQL server each transaction holds its own connection, so two transactions that
// update the same row meet PostgreSQL's row lock: the second waits for the first, or gives up
// on its lock_timeout.
const suite = useSuite(postgresFixture());

describe('concurrent transactions on the PostgreSQL server', () => {
  let table: string;
  beforeAll(async () => {
    table = `${suite.schema}.accounts`;
    await suite.sql(`create table ${table} (id int primary key, balance int not null)`);
  });

  const execute = (sql: string, transactionId?: string) =>
    suite.dataApi.client.send(new ExecuteStatementCommand({ ...suite.dataApi.arns, sql, ...(transactionId ? { transactionId } : {}) }));
  const begin = async () => (await suite.dataApi.client.send(new BeginTransactionCommand(suite.dataApi.arns))).transactionId!;
  const commit = (transactionId: string) =>
    suite.dataApi.client.send(new CommitTransactionCommand({ ...suite.dataApi.arns, transactionId }));
  const balance = async (id: number) => (await execute(`select balance from ${table} where id = ${id}`)).records?.[0]?.[0]?.longValue;
  const waitingOnLock = async (marker: string) =>
    (
      await execute(
        `select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%${marker}%' and pid <> pg_backend_pid()`,
      )
    ).records?.[0]?.[0]?.longValue === 1;

  it('the second update waits for the first transaction, then applies on top of it', async () => {
    await execute(`insert into ${table} values (1, 100)`);
    const first = await begin();
    const second = await begin();
    await execute(`update ${table} set balance = balance + 10 where id = 1`, first);

    let secondDone = false;
    const marker = `second-writer-${suite.schema}`;
    const secondUpdate = execute(`update ${table} set balance = balance + 5 where id = 1 /* ${marker} */`, second).then((out) => {
      secondDone = true;
      return out;
    });
    await eventually(() => waitingOnLock(marker), 'the second transaction to wait on the row lock');
    expect(secondDone).toBe(false);

    await commit(first);
    expect((await secondUpdate).numberOfRecordsUpdated).toBe(1);
    await commit(second);
    expect(await balance(1)).toBe(115);
  });

  it('with a lock_timeout, the second update fails with 55P03 and the first one wins', async () => {
    await execute(`insert into ${table} values (2, 100)`);
    const first = await begin();
    const second = await begin();
    await execute(`update ${table} set balance = balance - 30 where id = 2`, first);
    await execute(`set local lock_timeout = '200ms'`, second);

    const error = await execute(`update ${table} set balance = 0 where id = 2`, second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseErrorException);
    expect(error).toMatchObject({ message: expect.stringMatching(/^ERROR: canceling statement due to lock timeout;.*SQLState: 55P03$/) });

    await suite.dataApi.client.send(new RollbackTransactionCommand({ ...suite.dataApi.arns, transactionId: second }));
    await commit(first);
    expect(await balance(2)).toBe(70);
  });
});
