/**
 * Entry of the migration Lambda that the CDK custom resource invokes at every deploy whose
 * migrations changed (infra/constructs/migrations.ts). Bundled with the Lambda esbuild options
 * plus the `roam:migrations` module holding db/migrations/*.sql.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { migrationSources } from 'roam:migrations';
import { logger, metrics } from '../../resolvers/lambda/shared/powertools.js';
import { readDataApiConfig } from './config.js';
import { MIGRATION_RESUME_WAIT_MS } from './constants.js';
import { createDataApiTarget } from './data-api-client.js';
import { createMigrateHandler } from './migrate-handler.js';

const onEvent = createMigrateHandler({
  sources: migrationSources,
  target: () =>
    createDataApiTarget(readDataApiConfig(), {
      maxWaitMs: MIGRATION_RESUME_WAIT_MS,
      onRetry: (attempt, delayMs, error) => logger.warn('database is resuming; retrying', { attempt, delayMs, error: error.message }),
    }),
  log: (line) => logger.info(line),
  onApplied: (result) => metrics.addMetric('MigrationsApplied', MetricUnit.Count, result.applied.length),
});

/** The Provider framework's `onEvent`: throws (and so fails the deploy) when a migration fails. */
export const handler = async (event: Parameters<typeof onEvent>[0]) => {
  logger.info('migration event', { requestType: event.RequestType });
  try {
    return await onEvent(event);
  } catch (error) {
    logger.error('migration failed', error as Error);
    throw error;
  } finally {
    metrics.publishStoredMetrics();
  }
};
