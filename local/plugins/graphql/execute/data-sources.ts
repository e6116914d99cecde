import { NONE_DATA_SOURCE, type DataSourceCall, type DataSourceOutcome } from '../../../appsync-js/index.js';
import type { DataSourceConfig, ResolverManifest } from '../../../../platform/manifest/index.js';
import { executeRdsRequest, type DataApiCore } from '../../data-api/index.js';
import { createLambdaDataSource, type LambdaRunner } from '../../lambda/index.js';
import { createBatcher } from './batcher.js';

/** What the data sources run on: the Data API core (RDS) and the Lambda runtime. */
export interface DataSourceDeps {
  readonly dataApi: { core: DataApiCore; resourceArn: string; secretArn: string; database: string };
  readonly lambda: Pick<LambdaRunner, 'invoke'>;
}

const badRequest = (message: string): DataSourceOutcome => ({ error: { message, type: 'BadRequestException' } });

function rdsDataSource(deps: DataSourceDeps, source: Extract<DataSourceConfig, { kind: 'RDS' }>): DataSourceCall {
  const { core, resourceArn, secretArn, database } = deps.dataApi;
  const target = { resourceArn, secretArn, database: source.database ?? database };
  return async (request) => {
    if (typeof request !== 'object' || request === null || !Array.isArray((request as { statements?: unknown }).statements)) {
      return badRequest('An RDS request needs a statements array');
    }
    return executeRdsRequest(core, target, request as Parameters<typeof executeRdsRequest>[2]);
  };
}

/**
 * LAMBDA: `Invoke` sends the payload as the event; `BatchInvoke` joins the calls of one resolver
 * made in the same turn into batches of at most `maxBatchSize`.
 * `invocationType: 'Event'` does not wait for the function, and the result is null [inf].
 */
function lambdaDataSource(deps: DataSourceDeps, functionName: string, maxBatchSize: number): DataSourceCall {
  const lambda = createLambdaDataSource(deps.lambda, functionName);
  const batch = createBatcher(Math.max(1, maxBatchSize), (payloads: unknown[]) => lambda.batchInvoke(payloads));
  return async (request) => {
    const { operation, payload, invocationType } = (request ?? {}) as { operation?: unknown; payload?: unknown; invocationType?: unknown };
    if (operation === 'BatchInvoke') return batch(payload ?? null);
    if (operation !== 'Invoke')
      return badRequest(`A Lambda request needs operation Invoke or BatchInvoke, not ${JSON.stringify(operation ?? null)}`);
    if (invocationType === 'Event') {
      void lambda.invoke(payload ?? null);
      return { result: null };
    }
    return lambda.invoke(payload ?? null);
  };
}

/**
 * The data-source call a resolver or function uses. Lambda batching is per resolver, so each
 * resolver gets its own call even when several share a data source.
 */
export function createDataSourceCall(manifest: ResolverManifest, deps: DataSourceDeps, name: string, maxBatchSize = 0): DataSourceCall {
  const source = manifest.dataSources[name];
  if (!source) throw new Error(`Data source "${name}" is not declared`);
  switch (source.kind) {
    case 'NONE':
      return NONE_DATA_SOURCE;
    case 'RDS':
      return rdsDataSource(deps, source);
    case 'LAMBDA':
      return lambdaDataSource(deps, source.function, maxBatchSize);
  }
}

/** A direct Lambda resolver's call: the whole context is the event, batched when a size is set. */
export function createDirectLambdaCall(manifest: ResolverManifest, deps: DataSourceDeps, name: string, maxBatchSize = 0) {
  const source = manifest.dataSources[name];
  if (source?.kind !== 'LAMBDA') throw new Error(`Data source "${name}" is not a Lambda data source`);
  const lambda = createLambdaDataSource(deps.lambda, source.function);
  if (maxBatchSize > 0) return createBatcher(maxBatchSize, (events: unknown[]) => lambda.batchInvoke(events));
  return (event: unknown) => lambda.invoke(event);
}
