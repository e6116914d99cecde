import type { DataSourceCall, FieldContextInput, FieldResolution } from './types.js';
import { FieldRun, type ResolveOptions } from './field-run.js';
import type { ResolverCode } from './load.js';
import { NONE_DATA_SOURCE } from './none-data-source.js';

/**
 * Resolves a field with a unit resolver: `request` → data source →
 * `response`. `util.error` fails the field (in `request`, before the data source is called);
 * `runtime.earlyReturn` in `request` skips the data source and `response`.
 * @example
 * const resolution = await runUnitResolver(code, field, async (request) => ({ result: request.payload }), { deadline, requestId });
 */
export async function runUnitResolver(
  code: ResolverCode,
  field: FieldContextInput,
  dataSource: DataSourceCall,
  options: ResolveOptions,
): Promise<FieldResolution> {
  const run = new FieldRun(field, options);
  if (dataSource === NONE_DATA_SOURCE) return throughNone(run, code);
  const request = run.step(code, 'request', {});
  if (request.kind === 'error') return run.fail(request.error);
  if (request.kind === 'earlyReturn') return run.succeed(request.value);
  const answer = await run.callDataSource(dataSource, request.value);
  const response = run.step(code, 'response', answer);
  if (response.kind === 'error') return run.fail(response.error);
  return run.succeed(response.value);
}

/** The same steps on the NONE data source, both handlers in one call to the sandbox. */
function throughNone(run: FieldRun, code: ResolverCode): FieldResolution {
  const { request, response } = run.stepsThroughNone(code);
  if (request.kind === 'error') return run.fail(request.error);
  if (request.kind === 'earlyReturn') return run.succeed(request.value);
  if (!response) throw new Error('the NONE data source path returned no response');
  if (response.kind === 'error') return run.fail(response.error);
  return run.succeed(response.value);
}
