/**
 * Powertools for every Roam Lambda: one logger, tracer and metrics instance per process, built
 * once here and imported wherever needed. Configuration comes from the environment the CDK sets
 * (POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_LOG_LEVEL); offline, where
 * they are unset, the service is the function's name and the namespace `Roam` (rather than
 * Powertools' `service_undefined` and a "Namespace should be defined" warning at every flush).
 *
 * @example
 * import { logger, metrics, tracer } from './powertools.js';
 * logger.info('booking created', { bookingId });
 * metrics.addMetric('BookingCreated', MetricUnit.Count, 1);
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { PowertoolsDefaults } from './constants.js';

/**
 * Whether an X-Ray daemon is there to receive segments. Lambda sets AWS_XRAY_DAEMON_ADDRESS in
 * every execution environment at init; the offline runner mimics AWS_EXECUTION_ENV (which is all
 * Powertools itself checks) but has no daemon and sets no trace header, so there the Tracer would
 * log "Missing AWS Lambda trace data for X-Ray" on every SDK call. `_X_AMZN_TRACE_ID` cannot be the
 * test: Lambda sets it per invocation, after this module is loaded. POWERTOOLS_TRACE_ENABLED=false
 * still turns tracing off where a daemon exists (`enabled: true` defers to it).
 */
const xrayDaemonPresent = Boolean(process.env.AWS_XRAY_DAEMON_ADDRESS);

// Passed explicitly, these would win over the environment: so they are the environment's values first.
const serviceName = process.env.POWERTOOLS_SERVICE_NAME || process.env.AWS_LAMBDA_FUNCTION_NAME || PowertoolsDefaults.SERVICE_NAME;
const namespace = process.env.POWERTOOLS_METRICS_NAMESPACE || PowertoolsDefaults.METRICS_NAMESPACE;

/** Structured JSON logs with the Lambda context (request id, cold start) attached. */
export const logger = new Logger({ serviceName });

/** X-Ray segments; captures AWS SDK clients passed to `tracer.captureAWSv3Client`. Off without a daemon. */
export const tracer = new Tracer({ serviceName, enabled: xrayDaemonPresent });

/** CloudWatch metrics in Embedded Metric Format; call `publishStoredMetrics()` before returning. */
export const metrics = new Metrics({ serviceName, namespace });
