import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { MalformedRequestError } from '../../shared/errors.js';
import type { AppSyncErrorEntry } from '../../shared/format.js';
import { depthLimitRule, noIntrospectionRule } from './depth-limit.js';
import { fieldPaths, pathOfError } from './field-paths.js';
import { queryBudgetRule } from './query-budget.js';
import { appSyncValidationMessage } from './messages.js';

export interface ValidationOptions {
  /** AppSync's `queryDepthLimit`: 0 means no limit. @default 0 */
  readonly queryDepthLimit?: number;
  /** @default true */
  readonly introspection?: boolean;
}

export type ValidatedDocument = { ok: true; document: DocumentNode } | { ok: false; errors: AppSyncErrorEntry[] };

/** How many distinct query texts keep their validation result; clients send the same few over and over. */
const CACHE_SIZE = 500;

/**
 * Parses and validates operations against one schema, answering with AppSync's messages.
 * Each rule runs on its own so every error can be named with graphql-java's error type; the
 * result is cached per query text, so that cost is paid once per distinct operation.
 */
export function createDocumentValidator(schema: GraphQLSchema, options: ValidationOptions = {}) {
  const rules: ValidationRule[] = [...specifiedRules];
  if (options.queryDepthLimit) rules.push(depthLimitRule(options.queryDepthLimit));
  if (options.introspection === false) rules.push(noIntrospectionRule);
  rules.push(queryBudgetRule());
  const cache = new Map<string, ValidatedDocument>();

  return function validateQuery(query: string): ValidatedDocument {
    const cached = cache.get(query);
    if (cached) return cached;
    const result = validateUncached(query);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(query, result);
    return result;
  };

  function validateUncached(query: string): ValidatedDocument {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (cause) {
      // AppSync answers a query it cannot parse like an unparseable body (DECISIONS.md).
      throw new MalformedRequestError('Unable to parse GraphQL query.', { cause });
    }
    // One pass with every rule answers the usual case, a valid operation; only an invalid one is
    // checked again rule by rule, so that each error can be named after its rule.
    if (validate(schema, document, rules, { maxErrors: 1 }).length === 0) return { ok: true, document };
    const paths = fieldPaths(document);
    const errors: AppSyncErrorEntry[] = [];
    for (const rule of rules) {
      for (const error of validate(schema, document, [rule], { maxErrors: 100 })) {
        errors.push(validationErrorEntry(appSyncValidationMessage(rule, error, pathOfError(paths, error.nodes), document), error));
      }
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, document };
  }
}

/** An input error as AppSync shows it: no errorType, `path: null`, locations with `sourceName: null`. */
export function validationErrorEntry(message: string, error?: GraphQLError): AppSyncErrorEntry {
  return {
    path: null,
    locations: (error?.locations ?? []).map(({ line, column }) => ({ line, column, sourceName: null })),
    message,
  };
}
