import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../local/log/logger.js';
import type { OperationLog } from '../../../local/plugins/graphql/index.js';

const entry: OperationLog = {
  requestId: '0123abcd-0000-4000-8000-000000000000',
  operationName: 'One',
  operationType: 'query',
  authMode: 'API_KEY',
  durationMs: 12.34,
  resolverCount: 1,
  errorCount: 1,
  status: 200,
  errors: [{ errorType: 'NotFound', message: 'No note 7' }],
  trace: {
    requestId: '0123abcd-0000-4000-8000-000000000000',
    origin: 0,
    events: [
      { kind: 'resolver', field: 'Query.note', path: 'note', dataSources: ['db (RDS)'], startMs: 0.5, durationMs: 9, error: 'No note 7' },
      { kind: 'sql', sql: 'select 1', startMs: 1, durationMs: 2.5, rows: 1 },
      { kind: 'log', level: 'ERROR', file: '/p/js/Query.note.ts', handler: 'response', message: 'no note 7', startMs: 8 },
    ],
  },
};

describe('Function: createLogger', () => {
  it('json: one object per line, each with its type and the request id, for tools', () => {
    const lines: string[] = [];
    const logger = createLogger('json', (line) => lines.push(line), '/p');
    logger.operation(entry);
    logger.lambda({ functionName: 'shout', stream: 'stdout', line: 'hello', requestId: entry.requestId });
    logger.info('Reloaded');
    const records = lines.map((line) => JSON.parse(line));
    expect(records.map((record) => record.type)).toEqual(['sql', 'log', 'operation', 'lambda', 'info']);
    expect(records[0]).toMatchObject({ requestId: entry.requestId, sql: 'select 1', durationMs: 2.5 });
    expect(records[2]).toMatchObject({
      requestId: entry.requestId,
      status: 200,
      errors: [{ errorType: 'NotFound', message: 'No note 7' }],
    });
    expect(records[2]).not.toHaveProperty('trace');
    expect(records[3]).toMatchObject({ requestId: entry.requestId, function: 'shout', message: 'hello' });
    for (const record of records) expect(Date.parse(record.time)).not.toBeNaN();
  });

  it('pretty: the request id first, steps in order, file names relative, the errors on the result line', () => {
    const lines: string[] = [];
    createLogger('pretty', (line) => lines.push(line), '/p').operation(entry);
    expect(lines).toEqual([
      '[0123abcd]   FAIL  Query.note (note) No note 7',
      '[0123abcd]   SQL   2.5ms select 1 (1 row)',
      '[0123abcd]   ERROR js/Query.note.ts response: no note 7',
      '[0123abcd] 200 query One auth=API_KEY 12.3ms resolvers=1 errors=1: NotFound "No note 7"',
    ]);
  });
});
