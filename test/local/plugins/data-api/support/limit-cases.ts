import { BadRequestException, ExecuteStatementCommand, UnsupportedResultException } from '@aws-sdk/client-rds-data';
import { describe, expect, it } from 'vitest';
import type { SuiteContext } from './suite.js';

/** The response limits: 64 KB per row, 1 MiB per response, 10 MB of formattedRecords, 4 MiB per request. */
export function defineLimitCases(suite: SuiteContext): void {
  describe('limits', () => {
    const execute = (sql: string, input: object = {}) =>
      suite.dataApi.client.send(new ExecuteStatementCommand({ ...suite.dataApi.arns, sql, ...input }));

    it('a row up to 64 KB is returned; a larger one fails with UnsupportedResultException', async () => {
      const fits = await execute(`select repeat('x', 60000)`);
      expect(fits.records?.[0]?.[0]?.stringValue).toHaveLength(60000);
      const error = await execute(`select repeat('x', 70000)`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedResultException);
      expect(error).toMatchObject({ message: expect.stringContaining('64 KB') });
    });

    it('measures the serialized row: 11,000 control characters become 66 KB of JSON escapes', async () => {
      await expect(execute(`select repeat(chr(1), 11000)`)).rejects.toBeInstanceOf(UnsupportedResultException);
      const fits = await execute(`select repeat(chr(1), 10000)`);
      expect(fits.records?.[0]?.[0]?.stringValue).toHaveLength(10000);
    });

    it('a response up to 1 MiB is returned; a larger one fails with UnsupportedResultException', async () => {
      const fits = await execute(`select repeat('x', 1000) from generate_series(1, 900)`);
      expect(fits.records).toHaveLength(900);
      const error = await execute(`select repeat('x', 1000) from generate_series(1, 1100)`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedResultException);
      expect(error).toMatchObject({ message: expect.stringContaining('1 MiB') });
    });

    it('formattedRecords may pass 1 MiB but not 10 MB (BadRequestException)', async () => {
      const fits = await execute(`select repeat('x', 50000) as v from generate_series(1, 40)`, { formatRecordsAs: 'JSON' });
      expect(JSON.parse(fits.formattedRecords!)).toHaveLength(40);
      await expect(
        execute(`select repeat('x', 60000) as v from generate_series(1, 180)`, { formatRecordsAs: 'JSON' }),
      ).rejects.toBeInstanceOf(BadRequestException);
    });

    it('refuses a request body over 4 MiB with BadRequestException', async () => {
      const big = { name: 'big', value: { stringValue: 'x'.repeat(4 * 1024 * 1024 + 1) } };
      await expect(execute('select length(:big)', { parameters: [big] })).rejects.toBeInstanceOf(BadRequestException);
    });
  });
}
