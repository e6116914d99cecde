import type { GraphQLResolveInfo } from 'graphql';
import type { FieldResolution } from '../../../appsync-js/index.js';
import { currentTrace, sinceStart, traced } from '../../shared/request-trace.js';
import type { FieldRunner } from './field-runners.js';

function pathOf(info: GraphQLResolveInfo): string {
  const keys: (string | number)[] = [];
  for (let at: GraphQLResolveInfo['path'] | undefined = info.path; at; at = at.prev) keys.unshift(at.key);
  return keys.join('.');
}

/**
 * Runs one field's resolver and records it in the request's trace: which resolver, for which
 * path, with which data sources, how long, whether it failed, and the lines its handlers logged.
 */
export async function traceResolver(
  runner: FieldRunner,
  info: GraphQLResolveInfo,
  run: () => Promise<FieldResolution>,
): Promise<FieldResolution> {
  const resolution = await traced(
    (timing, result) => ({
      kind: 'resolver',
      field: runner.coordinate,
      path: pathOf(info),
      dataSources: runner.dataSources ?? [],
      ...timing,
      ...(result && result.value === null && result.errors.length > 0 ? { error: result.errors.at(-1)?.message ?? 'failed' } : {}),
    }),
    run,
  );
  const trace = currentTrace();
  for (const line of resolution.logs)
    trace?.events.push({
      kind: 'log',
      level: line.level,
      file: line.file,
      handler: line.handler,
      message: line.message,
      startMs: sinceStart(trace),
    });
  return resolution;
}
