/**
 * The contract between the offline executor (host side) and this runtime (evaluated inside the
 * resolver sandbox).
 *
 * Lifecycle, as the executor drives it:
 * 1. `createAppSyncModules()` once per sandbox context; hand `modules` to the module loader so that
 *    `import … from '@aws-appsync/utils'` and `'@aws-appsync/utils/rds'` resolve to them, and set
 *    `util`, `extensions` and `runtime` as globals too (AppSync declares them global).
 * 2. `beginRequest()` at the start of every GraphQL request (request-wide limits: the 5 distinct
 *    invalidations, the 4 KB of response headers).
 * 3. `beginInvocation(info)` before each handler call (`request` or `response` of a resolver or
 *    function), `endInvocation()` right after it, whether it returned or threw. The effects it
 *    returns belong to that one handler call.
 * 4. A handler that throws may throw a {@link Signal}; recognise it with `readSignal` from
 *    `signals.ts`. Anything else thrown is a JavaScript runtime error of the resolver.
 *
 * Only primitives are copied out of `info`, so no host object is ever reachable from resolver
 * code. Effects and signals are objects of the sandbox realm: copy them (e.g. through JSON) before
 * keeping them.
 */

/** Auth mode of the request, as AppSync names it in its API. */
export type AuthMode = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

/** What the runtime needs to know about the handler call that is about to run. */
export interface InvocationInfo {
  /** Field being resolved, for `util.unauthorized()`'s message. */
  fieldName: string;
  /** Its parent type (`Query`, `Mutation`, `Subscription`, an object type). */
  parentTypeName: string;
  /** Auth mode that authorized the request, for `util.authType()`. `undefined` means API key. */
  authMode?: AuthMode;
}

/** One `util.appendError` call, or the thrown `util.error` (see {@link ErrorSignal}). */
export interface AppendedError {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

/** A subscription filter in AppSync's shape. */
export interface SubscriptionFilter {
  filterGroup: { filters: { fieldName: string; operator: string; value: unknown }[] }[];
}

/** One `extensions.invalidateSubscriptions` call. */
export interface SubscriptionInvalidation {
  subscriptionField: string;
  payload: Record<string, unknown>;
}

/** One `extensions.evictFromApiCache` call. */
export interface CacheEviction {
  typeName: string;
  fieldName: string;
  keyValues: Record<string, unknown>;
}

/** Everything one handler call recorded, in call order where order matters. */
export interface Effects {
  /** `util.appendError` calls (not the thrown `util.error`, which arrives as a signal). */
  errors: AppendedError[];
  /** Last `extensions.setSubscriptionFilter` value, or `null` when not called. */
  subscriptionFilter: SubscriptionFilter | null;
  /** Last `extensions.setSubscriptionInvalidationFilter` value, or `null`. */
  subscriptionInvalidationFilter: SubscriptionFilter | null;
  /** `extensions.invalidateSubscriptions` calls (already checked against the per-request limit). */
  invalidations: SubscriptionInvalidation[];
  /** `extensions.evictFromApiCache` calls. */
  cacheEvictions: CacheEviction[];
  /**
   * Response headers set by `util.http.addResponseHeader(s)` in this call, name → string value.
   * A later call with the same name wins, across the whole request.
   */
  responseHeaders: Record<string, string>;
  /** Advice for the developer, with the executed code position of the call that raised it. */
  warnings: RuntimeWarning[];
}

/** One warning and where in the executed resolver code (`code.js`) it was raised. */
export interface RuntimeWarning {
  message: string;
  line: number | null;
  column: number | null;
}

/** Thrown by `util.error(message, errorType?, data?, errorInfo?)`. */
export interface ErrorSignal {
  __appsyncSignal: 'error';
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

/**
 * Thrown by `util.unauthorized()`: `errorType` is `Unauthorized` and the message is
 * `Not Authorized to access <field> on type <Type>`.
 */
export interface UnauthorizedSignal {
  __appsyncSignal: 'unauthorized';
  message: string;
  errorType: 'Unauthorized';
  data: null;
  errorInfo: null;
}

/** Thrown by `runtime.earlyReturn(value?, { skipTo? })`. `skipTo` defaults to `END`. */
export interface EarlyReturnSignal {
  __appsyncSignal: 'earlyReturn';
  value: unknown;
  skipTo: 'END' | 'NEXT';
}

/** Any control-flow signal the runtime throws. */
export type Signal = ErrorSignal | UnauthorizedSignal | EarlyReturnSignal;

export type { RdsRequest } from '../../../platform/appsync-js/rds-request.js';

/** What `createAppSyncModules()` returns. */
export interface AppSyncModules {
  /** Module namespaces by import specifier. */
  modules: {
    '@aws-appsync/utils': { util: unknown; runtime: unknown; extensions: unknown };
    '@aws-appsync/utils/rds': Record<string, unknown>;
    '@aws-appsync/utils/dynamodb': Record<string, unknown>;
    '@aws-appsync/utils/ai': Record<string, unknown>;
  };
  /** Reset the request-wide state (invalidation count, response header budget). */
  beginRequest(): void;
  /** Reset the per-call state and remember what `util` needs about this call. */
  beginInvocation(info: InvocationInfo): void;
  /** Hand back what the call recorded; the runtime forgets it. */
  endInvocation(): Effects;
}
