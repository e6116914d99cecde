import {
  BadRequestException,
  BeginTransactionCommand,
  CommitTransactionCommand,
  DatabaseErrorException,
  ExecuteStatementCommand,
  HttpEndpointNotEnabledException,
  RDSDataServiceException,
  RollbackTransactionCommand,
  SecretsErrorException,
  TransactionNotFoundException,
} from '@aws-sdk/client-rds-data';
import { describe, expect, it } from 'vitest';
import type { SuiteContext } from './suite.js';

/** Errors as the service sends them, seen through the SDK's own exception classes. */
export function defineErrorCases(suite: SuiteContext): void {
  describe('errors', () => {
    const execute = (input: object) =>
      suite.dataApi.client.send(new ExecuteStatementCommand({ ...suite.dataApi.arns, sql: 'select 1', ...input }));

    it('DatabaseErrorException carries the PostgreSQL message, position and SQLSTATE, and no code member', async () => {
      const error = await execute({ sql: `select * from ${suite.schema}.nope` }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseErrorException);
      expect(error).toMatchObject({
        message: `ERROR: relation "${suite.schema}.nope" does not exist; Position: 15; SQLState: 42P01`,
        $metadata: { httpStatusCode: 400, attempts: 1 },
      });
      expect((error as { code?: unknown }).code).toBeUndefined();
    });

    it('refuses several statements in one call with ValidationException', async () => {
      const error = await execute({ sql: 'select 1; select 2' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RDSDataServiceException);
      expect(error).toMatchObject({
        name: 'ValidationException',
        message: "Multistatements aren't supported.",
        $metadata: { httpStatusCode: 400 },
      });
      // A trailing semicolon, or one inside a literal, is still one statement.
      await expect(execute({ sql: "select ';' ;" })).resolves.toMatchObject({ records: [[{ stringValue: ';' }]] });
    });

    it('refuses array parameters and the schema parameter with ValidationException', async () => {
      await expect(
        execute({ sql: 'select :a', parameters: [{ name: 'a', value: { arrayValue: { longValues: [1] } } }] }),
      ).rejects.toMatchObject({
        name: 'ValidationException',
        message: 'Array parameters are not supported.',
      });
      await expect(execute({ schema: 'public' })).rejects.toMatchObject({
        name: 'ValidationException',
        message: "The schema parameter isn't supported.",
      });
    });

    it('refuses an unknown cluster ARN with HttpEndpointNotEnabledException and an unknown secret with SecretsErrorException', async () => {
      const otherCluster = 'arn:aws:rds:us-east-1:123456789012:cluster:somebody-else';
      await expect(execute({ resourceArn: otherCluster })).rejects.toBeInstanceOf(HttpEndpointNotEnabledException);
      await expect(execute({ resourceArn: otherCluster })).rejects.toMatchObject({
        message: `HttpEndpoint is not enabled for resource ${otherCluster}`,
      });
      await expect(execute({ secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:nope' })).rejects.toBeInstanceOf(
        SecretsErrorException,
      );
      await expect(
        suite.dataApi.client.send(new BeginTransactionCommand({ ...suite.dataApi.arns, resourceArn: otherCluster })),
      ).rejects.toBeInstanceOf(HttpEndpointNotEnabledException);
    });

    it('refuses malformed input with BadRequestException', async () => {
      await expect(execute({ sql: undefined })).rejects.toBeInstanceOf(BadRequestException);
      await expect(execute({ resourceArn: 'short' })).rejects.toBeInstanceOf(BadRequestException);
      await expect(execute({ sql: 'select :a', parameters: [{ name: 'a', value: {} }] })).rejects.toBeInstanceOf(BadRequestException);
      await expect(
        execute({ sql: 'select :a', parameters: [{ name: 'a', value: { stringValue: 'x' }, typeHint: 'BOGUS' }] }),
      ).rejects.toBeInstanceOf(BadRequestException);
    });

    it('answers a body that is not JSON, an odd shape, or an unknown path with the error shape, not a crash', async () => {
      const { url } = suite.dataApi.server;
      const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body) });
      for (const [path, body] of [
        ['/Execute', { ...suite.dataApi.arns, sql: 'select :a', parameters: [null] }],
        ['/Execute', { ...suite.dataApi.arns, sql: 'select :a', parameters: 'a' }],
        ['/BatchExecute', { ...suite.dataApi.arns, sql: 'select :a', parameterSets: [[null]] }],
        ['/BatchExecute', { ...suite.dataApi.arns, sql: 'select 1', parameterSets: 'x' }],
        ['/Execute', [1, 2]],
      ] as const) {
        const response = await post(path, body);
        expect(response.status).toBe(400);
        expect(response.headers.get('x-amzn-errortype')).toMatch(/^BadRequestException:/);
      }
      const notJson = await fetch(`${url}/Execute`, { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
      expect(notJson.status).toBe(400);
      expect(notJson.headers.get('x-amzn-errortype')).toMatch(/^BadRequestException:/);
      expect(await notJson.json()).toEqual({ message: 'The request body is not valid JSON' });
      const unknown = await fetch(`${url}/Nope`, { method: 'POST', body: '{}' });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('x-amzn-errortype')).toMatch(/^NotFoundException:/);
    });

    it('TransactionNotFoundException for an unknown id, and for one that was already committed', async () => {
      const { client, arns } = suite.dataApi;
      await expect(execute({ transactionId: 'no-such-transaction' })).rejects.toBeInstanceOf(TransactionNotFoundException);
      await expect(client.send(new CommitTransactionCommand({ ...arns, transactionId: 'no-such-transaction' }))).rejects.toMatchObject({
        name: 'TransactionNotFoundException',
        message: "Transaction no-such-transaction isn't found",
        $metadata: { httpStatusCode: 404 },
      });
      const { transactionId } = await client.send(new BeginTransactionCommand(arns));
      await client.send(new CommitTransactionCommand({ ...arns, transactionId }));
      await expect(client.send(new RollbackTransactionCommand({ ...arns, transactionId }))).rejects.toMatchObject({
        name: 'TransactionNotFoundException',
        message: `Transaction ${transactionId} isn't found. One previous call resulted in a termination of your transaction.`,
      });
    });

    it('after an SQL error inside a transaction, later statements fail with 25P02 and the commit fails and ends it', async () => {
      const { client, arns } = suite.dataApi;
      const { transactionId } = await client.send(new BeginTransactionCommand(arns));
      await expect(execute({ transactionId, sql: 'select 1/0' })).rejects.toMatchObject({
        message: expect.stringContaining('SQLState: 22012'),
      });
      await expect(execute({ transactionId })).rejects.toMatchObject({
        name: 'DatabaseErrorException',
        message: expect.stringContaining('SQLState: 25P02'),
      });
      await expect(client.send(new CommitTransactionCommand({ ...arns, transactionId }))).rejects.toMatchObject({
        name: 'DatabaseErrorException',
        message: 'ERROR: The database returned ROLLBACK, so the transaction cannot commit; SQLState: 25P02',
      });
      await expect(execute({ transactionId })).rejects.toBeInstanceOf(TransactionNotFoundException);
    });
  });
}
