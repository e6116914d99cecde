import type { HandlerName } from '../../platform/appsync-js/constants.js';

/** A JSON value: what crosses the sandbox boundary, in both directions. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `ctx.info`. */
export interface ResolverInfo {
  fieldName: string;
  parentTypeName: string;
  /** The operation's variables, not the field's arguments. */
  variables: Record<string, unknown>;
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

/** Auth mode of the request, as AppSync names it (for `util.authType()`). */
export type AuthMode = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

/**
 * What the GraphQL server knows about one field resolution. The executor adds `args`, `stash`,
 * `prev`, `result` and `error`. Everything must be JSON-serialisable: it is copied into the sandbox.
 */
export interface FieldContextInput {
  arguments: Record<string, unknown>;
  /** `null` for API_KEY requests. */
  identity: unknown;
  /** The parent object; `null` for root fields. */
  source: unknown;
  request: { headers: Record<string, string>; domainName: string | null };
  info: ResolverInfo;
  /** API environment variables. */
  env: Record<string, string>;
  /** @default 'API_KEY' */
  authMode?: AuthMode;
}

/** One entry of the GraphQL `errors` array, without `path` and `locations` (the server adds them). */
export interface FieldErrorEntry {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

/** `ctx.error` after a data source failed. */
export interface DataSourceError {
  message: string;
  type: string;
}

/** What a data source answered. */
export type DataSourceOutcome = { result: unknown } | { error: DataSourceError };

/**
 * Runs the request object a handler returned against the field's data source (NONE, RDS, Lambda:
 * the caller's business). Must not throw: failures are `{ error }`, which the response handler sees
 * as `ctx.error`.
 */
export type DataSourceCall = (request: unknown) => Promise<DataSourceOutcome>;

/** One line a handler wrote with `console.log` / `console.error` (AppSync's resolver logs). */
export interface ResolverLogLine {
  level: 'INFO' | 'ERROR' | 'WARN' | 'DEBUG';
  message: string;
  /** The file whose handler wrote it. */
  file: string;
  handler: HandlerName;
}

/** Side effects of the runtime other than errors (see runtime/types.ts `Effects`). */
export interface RuntimeSideEffects {
  subscriptionFilter: unknown;
  subscriptionInvalidationFilter: unknown;
  invalidations: unknown[];
  cacheEvictions: unknown[];
  responseHeaders: Record<string, string>;
}

/** How one handler call ended. */
export type HandlerEnd =
  | { kind: 'return'; value: unknown }
  | { kind: 'earlyReturn'; value: unknown; skipTo: 'END' | 'NEXT' | 'DEFAULT' }
  | { kind: 'error'; error: FieldErrorEntry };

/** Everything one handler call produced. */
export interface HandlerOutcome {
  end: HandlerEnd;
  /** `util.appendError` entries, in call order. */
  appendedErrors: FieldErrorEntry[];
  /** The stash after the call (the caller passes it to the next step). */
  stash: Record<string, unknown>;
  logs: ResolverLogLine[];
  effects: RuntimeSideEffects;
}

/** The result of resolving one field with a unit or pipeline resolver. */
export interface FieldResolution {
  /** The field value; `null` when the resolver failed. */
  value: unknown;
  /** Error entries in the order they happened (appended ones and the failure, if any). */
  errors: FieldErrorEntry[];
  logs: ResolverLogLine[];
  /** Effects of every handler call, in order. */
  effects: RuntimeSideEffects[];
  /** Final stash (useful for tests and logs). */
  stash: Record<string, unknown>;
}
