/**
 * The shape every money Lambda shares: the invokeLambda event in, `{ data }` or
 * `{ error: { message, type, info? } }` out (resolvers/functions/invokeLambda.ts), dispatching on
 * `event.field`. Business errors become typed replies; anything unexpected is logged and answered
 * with a generic InternalFailure, never a stack trace. Every invocation logs through the shared
 * Powertools logger (request id and field attached), runs in its own X-Ray subsegment, and flushes
 * the business metrics its field recorded.
 */
import { RDSData } from '@aws-sdk/client-rds-data';
import type { Context } from 'aws-lambda';
import type { FieldArgs, FieldCoordinate, FieldResult, FieldSource } from '../../fields.js';
import { loadConfig } from './config.js';
import { ErrorType } from './constants.js';
import { createDataAccess, type DataAccess } from './data-api.js';
import { BusinessError } from './errors.js';
import { logger, metrics, tracer } from './powertools.js';
import { createPublisher, type Publisher } from './publish.js';

/** The user row `ensureUser` put in `ctx.prev.result`. */
export interface CallerUser {
  id: string;
  cognitoSub: string;
  homeCurrency: string;
}

/** AppSync's identity: Cognito (`sub`, `groups`) or IAM (`accountId`, `userArn`), null for an API key. */
export interface CallerIdentity {
  sub?: string;
  groups?: string[] | null;
  accountId?: string;
  userArn?: string;
}

/**
 * The event invokeLambda sends for field `F`, its arguments and source typed from the schema
 * (resolvers/fields.ts), as AppSync validated them before the resolver ran.
 */
export interface ResolverEvent<F extends FieldCoordinate = FieldCoordinate> {
  field: F;
  arguments: FieldArgs<F>;
  identity: CallerIdentity | null;
  user: CallerUser | null;
  source: FieldSource<F> | null;
}

export type ResolverReply = { data: unknown } | { error: { message: string; type: string; info?: unknown } };

/** What a field handler works with. */
export interface MoneyContext {
  db: DataAccess;
  publisher: Publisher;
  /** The current instant (tests of expiry pass their own asOf arguments instead). */
  now(): Date;
}

/** Serves field `F`: `FieldHandler<'Mutation.createBooking'>` gets its arguments and must return its type. */
export type FieldHandler<F extends FieldCoordinate> = (event: ResolverEvent<F>, context: MoneyContext) => Promise<FieldResult<F>>;

/** A Lambda's routes: each field with the handler typed for that field. */
export type FieldRoutes = { [F in FieldCoordinate]?: FieldHandler<F> };

const logError = (message: string, detail: Record<string, unknown>) => logger.error(message, detail);

let defaultContext: MoneyContext | undefined;

/** One context per warm process: the SDK client keeps its connections between invocations. */
export function environmentContext(): MoneyContext {
  if (!defaultContext) {
    const config = loadConfig();
    const api = tracer.captureAWSv3Client(new RDSData({ region: config.region }));
    defaultContext = {
      db: createDataAccess({ api, resourceArn: config.resourceArn, secretArn: config.secretArn, database: config.database }),
      publisher: createPublisher(config, logError),
      now: () => new Date(),
    };
  }
  return defaultContext;
}

/** A Lambda handler serving `routes` (keyed `Type.field`). */
export function createResolverHandler(routes: FieldRoutes, context: () => MoneyContext = environmentContext) {
  const reply = async (event: ResolverEvent): Promise<ResolverReply> => {
    // The event's `field` picks the handler typed for that field, so its arguments are that field's.
    const route = routes[event?.field] as FieldHandler<FieldCoordinate> | undefined;
    if (!route) return { error: { message: `This function does not serve ${String(event?.field)}`, type: ErrorType.INTERNAL } };
    // PostgreSQL text cannot hold NUL: refused here as the client's mistake, not failed later in SQL.
    if (holdsNul(event.arguments))
      return { error: { message: 'Text must not contain NUL characters (\\u0000)', type: ErrorType.VALIDATION } };
    try {
      return { data: await route(event, context()) };
    } catch (error) {
      if (error instanceof BusinessError) {
        return { error: { message: error.message, type: error.type, ...(error.info ? { info: error.info } : {}) } };
      }
      logger.error('unexpected failure', error as Error);
      tracer.addErrorAsMetadata(error as Error);
      return { error: { message: 'The request failed; nothing was changed. Try again.', type: ErrorType.INTERNAL } };
    }
  };
  return async (event: ResolverEvent, lambdaContext?: Context): Promise<ResolverReply> => {
    if (lambdaContext) logger.addContext(lambdaContext);
    logger.appendKeys({ field: event?.field });
    try {
      return await inSubsegment(`## ${String(event?.field)}`, () => reply(event));
    } finally {
      // Flushed per invocation; an invocation that counted nothing writes nothing (no EMF line, no warning).
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}

/** True when any string in the arguments (at any depth) contains U+0000. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/** Runs `work` in its own X-Ray subsegment under Lambda's segment (a plain call with tracing off). */
async function inSubsegment<T>(name: string, work: () => Promise<T>): Promise<T> {
  const parent = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
  if (!parent) return work();
  const subsegment = parent.addNewSubsegment(name);
  tracer.setSegment(subsegment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  try {
    return await work();
  } finally {
    subsegment.close();
    tracer.setSegment(parent);
  }
}

/** The ensured caller, or Unauthorized (a user field called without a signed-in user). */
export function requireUser(event: ResolverEvent): CallerUser {
  if (!event.user?.id) throw new BusinessError(ErrorType.UNAUTHORIZED, 'A signed-in user is required');
  return event.user;
}

/** Back office: IAM callers or members of the Cognito group `partners` (the schema's directives say the same). */
export function requireBackOffice(event: ResolverEvent): void {
  const identity = event.identity;
  const isIam = Boolean(identity?.userArn || identity?.accountId) && !identity?.sub;
  const isPartner = Boolean(identity?.groups?.includes('partners'));
  if (!isIam && !isPartner) throw new BusinessError(ErrorType.UNAUTHORIZED, 'Back office only: IAM or the partners group');
}

/** IAM callers only (operations such as expireCredits). */
export function requireIam(event: ResolverEvent): void {
  if (!(event.identity?.userArn || event.identity?.accountId) || event.identity?.sub)
    throw new BusinessError(ErrorType.UNAUTHORIZED, 'IAM only');
}
