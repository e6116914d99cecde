import {
  BeginTransactionCommand,
  DatabaseResumingException,
  ExecuteStatementCommand,
  RollbackTransactionCommand,
  StatementTimeoutException,
  TransactionNotFoundException,
} from '@aws-sdk/client-rds-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startDataApi, type RunningDataApi } from './server.js';
import type { SuiteContext } from './suite.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Statement timeout and continueAfterTimeout, the busy-transaction error, the idle and maximum
 * lifetimes of a transaction, and the auto-pause simulation, with short configured timeouts.
 */
export function defineTimingCases(suite: SuiteContext): void {
  describe('timeouts and transaction lifetimes', () => {
    let quick: RunningDataApi;
    let table: string;
    beforeAll(async () => {
      quick = await startDataApi(suite.backend, { timeouts: { statementMs: 1000, transactionIdleMs: 1000, transactionMaxMs: 3000 } });
      table = `${suite.schema}.slow`;
      await suite.sql(`create table ${table} (name text)`);
    });
    afterAll(() => quick.close());

    const run = (sql: string, input: object = {}) => quick.client.send(new ExecuteStatementCommand({ ...quick.arns, sql, ...input }));
    const countOf = async (name: string) =>
      (
        await suite.dataApi.client.send(
          new ExecuteStatementCommand({ ...suite.dataApi.arns, sql: `select count(*) from ${table} where name = '${name}'` }),
        )
      ).records?.[0]?.[0]?.longValue;
    const stillRunning = async (marker: string) =>
      suite.kind === 'postgres' &&
      (
        await suite.dataApi.client.send(
          new ExecuteStatementCommand({
            ...suite.dataApi.arns,
            sql: `select count(*) from pg_stat_activity where state = 'active' and query like '%${marker}%' and pid <> pg_backend_pid()`,
          }),
        )
      ).records?.[0]?.[0]?.longValue !== 0;

    it('a statement over the timeout fails with StatementTimeoutException and a dbConnectionId', async () => {
      const error = await run('select pg_sleep(1.5)').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StatementTimeoutException);
      expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 }, dbConnectionId: expect.any(Number) });
    });

    it('without continueAfterTimeout the statement is cancelled (PostgreSQL) or runs to its end (PGlite)', async () => {
      const marker = `cancel-${suite.schema}`;
      await expect(run(`insert into ${table} select 'cancelled' from pg_sleep(1.5) /* ${marker} */`)).rejects.toBeInstanceOf(
        StatementTimeoutException,
      );
      await eventually(async () => !(await stillRunning(marker)), 'the cancelled statement to stop');
      expect(await countOf('cancelled')).toBe(suite.kind === 'postgres' ? 0 : 1);
    });

    it('with continueAfterTimeout the caller gets the timeout but the statement completes', async () => {
      await expect(
        run(`insert into ${table} select 'continued' from pg_sleep(1.5)`, { continueAfterTimeout: true }),
      ).rejects.toBeInstanceOf(StatementTimeoutException);
      await eventually(async () => (await countOf('continued')) === 1, 'the continued statement to commit');
    });

    it('a second call on a transaction that is still running a query fails at once', async () => {
      if (suite.kind === 'pglite') {
        // PGlite runs a statement on the event loop, so two HTTP calls cannot overlap inside it;
        // the rule is the core's, so check it in process.
        const { core, arns } = quick;
        const { transactionId } = await core.beginTransaction(arns);
        const first = core.executeStatement({ ...arns, transactionId, sql: 'select pg_sleep(0.1)' });
        await expect(core.executeStatement({ ...arns, transactionId, sql: 'select 1' })).rejects.toMatchObject({
          awsName: 'DatabaseErrorException',
          message: 'Transaction is still running a query',
        });
        await first;
        await core.rollbackTransaction({ ...arns, transactionId: transactionId! });
        return;
      }
      // The default endpoint (45 s statement timeout), so the first statement runs to its end.
      const { client, arns } = suite.dataApi;
      const inTransaction = (sql: string, transactionId: string | undefined) =>
        client.send(new ExecuteStatementCommand({ ...arns, sql, transactionId }));
      const { transactionId } = await client.send(new BeginTransactionCommand(arns));
      const marker = `busy-${suite.schema}`;
      const first = inTransaction(`select pg_sleep(1) /* ${marker} */`, transactionId);
      await eventually(() => stillRunning(marker), 'the first statement to start');
      await expect(inTransaction('select 1', transactionId)).rejects.toMatchObject({
        name: 'DatabaseErrorException',
        message: 'Transaction is still running a query',
      });
      await first;
      await client.send(new RollbackTransactionCommand({ ...arns, transactionId }));
    });

    it('while a transaction is open, another call waits for it on PGlite (one session) but runs at once on PostgreSQL', async () => {
      // Its own endpoint: a short statement timeout, and an idle timeout that cannot interfere.
      const waiting = await startDataApi(suite.backend, { timeouts: { statementMs: 400 } });
      const { transactionId } = await waiting.client.send(new BeginTransactionCommand(waiting.arns));
      try {
        const other = waiting.client.send(new ExecuteStatementCommand({ ...waiting.arns, sql: 'select 1' }));
        if (suite.kind === 'pglite') {
          await expect(other).rejects.toMatchObject({
            name: 'StatementTimeoutException',
            message: expect.stringContaining('no database connection'),
          });
        } else {
          await expect(other).resolves.toMatchObject({ records: [[{ longValue: 1 }]] });
        }
      } finally {
        await waiting.client.send(new RollbackTransactionCommand({ ...waiting.arns, transactionId }));
        await waiting.close();
      }
      await expect(run('select 1')).resolves.toBeDefined();
    });

    it('a transaction idle longer than the idle timeout is rolled back and its id forgotten', async () => {
      const { transactionId } = await quick.client.send(new BeginTransactionCommand(quick.arns));
      await run(`insert into ${table} values ('idle')`, { transactionId });
      await sleep(1500);
      const error = await run('select 1', { transactionId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransactionNotFoundException);
      expect(error).toMatchObject({ message: `Transaction ${transactionId} isn't found. Transaction may be expired.` });
      expect(await countOf('idle')).toBe(0);
    });

    it('a busy transaction keeps living past the idle timeout; any transaction ends at the maximum lifetime', async () => {
      const began = Date.now();
      const { transactionId } = await quick.client.send(new BeginTransactionCommand(quick.arns));
      // Calls every 250 ms keep it alive well past the 1 s idle timeout...
      while (Date.now() - began < 1800) {
        await expect(run('select 1', { transactionId })).resolves.toBeDefined();
        await sleep(250);
      }
      // ...but not past the 3 s maximum.
      await sleep(3300 - (Date.now() - began));
      await expect(run('select 1', { transactionId })).rejects.toBeInstanceOf(TransactionNotFoundException);
    });
  });

  describe('Aurora Serverless v2 auto-pause simulation', () => {
    it('the first call after a pause fails with DatabaseResumingException (not retried by the SDK), then calls succeed', async () => {
      const paused = await startDataApi(suite.backend, { autoPause: { idleMs: 60_000, resumeMs: 1500, startPaused: true } });
      try {
        const call = () => paused.client.send(new ExecuteStatementCommand({ ...paused.arns, sql: 'select 1' }));
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DatabaseResumingException);
        expect(error).toMatchObject({
          message: `The Aurora DB instance ${paused.arns.resourceArn} is resuming after being auto-paused. Please wait a few seconds and try again.`,
          $metadata: { httpStatusCode: 400, attempts: 1 },
        });
        await expect(call()).rejects.toBeInstanceOf(DatabaseResumingException);
        await sleep(1700);
        await expect(call()).resolves.toMatchObject({ records: [[{ longValue: 1 }]] });
      } finally {
        await paused.close();
      }
    });

    it('pauses again after the idle period', async () => {
      const pausing = await startDataApi(suite.backend, { autoPause: { idleMs: 1500, resumeMs: 0 } });
      try {
        const call = () => pausing.client.send(new ExecuteStatementCommand({ ...pausing.arns, sql: 'select 1' }));
        await expect(call()).resolves.toBeDefined();
        await sleep(1800);
        await expect(call()).rejects.toBeInstanceOf(DatabaseResumingException);
        await expect(call()).resolves.toBeDefined();
      } finally {
        await pausing.close();
      }
    });
  });
}
