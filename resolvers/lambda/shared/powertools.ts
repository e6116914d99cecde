/**
 * Powertools for every Roam Lambda: one logger, tracer and metrics instance per process, built
 * once here and imported wherever needed. Configuration comes from the environment the CDK sets
 * (POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_LOG_LEVEL); offline, the
 * same variables are simply unset and Powertools falls back to its defaults.
 *
 * @example
 * import { logger, metrics, tracer } from '../shared/powertools.js';
 * logger.info('booking created', { bookingId });
 * metrics.addMetric('BookingCreated', MetricUnit.Count, 1);
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** Structured JSON logs with the Lambda context (request id, cold start) attached. */
export const logger = new Logger();

/** X-Ray segments; captures AWS SDK clients passed to `tracer.captureAWSv3Client`. */
export const tracer = new Tracer();

/** CloudWatch metrics in Embedded Metric Format; call `publishStoredMetrics()` before returning. */
export const metrics = new Metrics();
