/**
 * The terminal's log: what each request did, under its request id (as AppSync's CloudWatch lines
 * carry the `x-amzn-RequestId` of their request), so a developer can follow one request from its
 * resolvers' `console.*` lines and SQL through its Lambda output to its result line. `pretty`
 * (the default) is for reading; `json` writes one object per line for tools.
 */
import { relative } from 'node:path';
import type { OperationLog } from '../plugins/graphql/index.js';
import type { LambdaLogLine } from '../plugins/lambda/index.js';
import type { TraceEvent } from '../plugins/shared/request-trace.js';

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface Logger {
  /** A line about the server itself (start-up, reloads, realtime, jobs). */
  info(line: string): void;
  /** A finished GraphQL request: its resolvers' log lines and SQL, then its result line. */
  operation(entry: OperationLog): void;
  /** A line a Lambda function wrote. */
  lambda(entry: LambdaLogLine): void;
}

/** How much of a statement the pretty log shows on its one line. */
const SQL_PREVIEW_CHARS = 160;

const shortId = (requestId: string | undefined) => (requestId ? `[${requestId.slice(0, 8)}] ` : '');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function summary(entry: OperationLog): string {
  const name = entry.operationName ?? '(anonymous)';
  const head = `${entry.status} ${entry.operationType ?? '-'} ${name} auth=${entry.authMode ?? '-'} ${entry.durationMs.toFixed(1)}ms resolvers=${entry.resolverCount} errors=${entry.errorCount}`;
  if (entry.errors.length === 0) return head;
  return `${head}: ${entry.errors.map((error) => `${error.errorType ?? 'Error'} ${JSON.stringify(error.message)}`).join('; ')}`;
}

function prettyEvent(event: TraceEvent, rootDir: string): string | undefined {
  switch (event.kind) {
    case 'log':
      return `${event.level.padEnd(5)} ${relative(rootDir, event.file) || event.file} ${event.handler}: ${event.message}`;
    case 'sql': {
      const sql = oneLine(event.sql);
      const shown = sql.length > SQL_PREVIEW_CHARS ? `${sql.slice(0, SQL_PREVIEW_CHARS)}…` : sql;
      const rows = event.rows === undefined ? '' : ` (${event.rows} row${event.rows === 1 ? '' : 's'})`;
      return `SQL   ${event.durationMs.toFixed(1)}ms ${shown}${rows}${event.error ? ` failed: ${event.error}` : ''}`;
    }
    case 'resolver':
      // Only failures: the result line counts resolvers, and a trace lists them all.
      return event.error ? `FAIL  ${event.field} (${event.path}) ${event.error}` : undefined;
    case 'lambda':
      return undefined; // the function's own lines say more, under the same id
  }
}

/** @param rootDir what file names in the pretty log are relative to */
export function createLogger(format: LogFormat, write: (line: string) => void, rootDir = process.cwd()): Logger {
  if (format === 'json') {
    const emit = (record: Record<string, unknown>) => write(JSON.stringify({ time: new Date().toISOString(), ...record }));
    return {
      info: (message) => emit({ type: 'info', message }),
      lambda: (entry) =>
        emit({ type: 'lambda', requestId: entry.requestId, function: entry.functionName, stream: entry.stream, message: entry.line }),
      operation(entry) {
        for (const event of entry.trace?.events ?? [])
          if (event.kind !== 'resolver') emit({ type: event.kind, requestId: entry.requestId, ...event });
        const { trace: _trace, ...rest } = entry;
        emit({ type: 'operation', ...rest, durationMs: Math.round(entry.durationMs * 10) / 10 });
      },
    };
  }
  return {
    info: write,
    lambda: (entry) => write(`${shortId(entry.requestId)}[${entry.functionName}] ${entry.line}`),
    operation(entry) {
      const prefix = shortId(entry.requestId);
      for (const event of [...(entry.trace?.events ?? [])].sort((a, b) => a.startMs - b.startMs)) {
        const line = prettyEvent(event, rootDir);
        if (line) write(`${prefix}  ${line}`);
      }
      write(`${prefix}${summary(entry)}`);
    },
  };
}
