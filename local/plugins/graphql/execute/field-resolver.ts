import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import type { FieldErrorEntry } from '../../../appsync-js/index.js';
import { isFieldAllowed, unauthorizedFieldMessage, type AllowedMode } from '../../auth/field-rules.js';
import type { AppSyncErrorExtensions } from '../../shared/format.js';
import { fieldContext } from './field-context.js';
import { filterBySelection } from './filter-by-selection.js';
import type { FieldRunner } from './field-runners.js';
import { traceResolver } from './trace-resolver.js';
import type { RequestState } from './request-state.js';
import { AppSyncErrorTypes } from '../../shared/error-types.js';

type Resolver = GraphQLFieldResolver<unknown, RequestState>;

/** A GraphQL error that prints as AppSync's entry for this field. */
export function fieldError(entry: FieldErrorEntry, info: GraphQLResolveInfo, selection: readonly string[] = []): GraphQLError {
  const extensions: AppSyncErrorExtensions = {
    errorType: entry.errorType,
    data: entry.data === null || entry.data === undefined ? null : filterBySelection(entry.data, selection),
    errorInfo: entry.errorInfo ?? null,
  };
  return new GraphQLError(entry.message, { nodes: info.fieldNodes, path: pathOf(info), extensions: extensions as Record<string, unknown> });
}

function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: GraphQLResolveInfo['path'] | undefined = info.path; at; at = at.prev) path.unshift(at.key);
  return path;
}

/**
 * Serves a field from the manifest: counts it against the request's resolver budget, runs it,
 * keeps its logs and effects, and turns its error entries into GraphQL errors. A failed field
 * throws its last entry (so non-null fields bubble as GraphQL says); the others ride along.
 */
export function manifestResolver(runner: FieldRunner, env: Record<string, string>): Resolver {
  return async function resolveFromManifest(source, args, state, info) {
    // Past the deadline the answer is already ExecutionTimeout: start no more work (statements, Lambdas) for it.
    if (Date.now() >= state.deadline) {
      throw fieldError(
        { message: 'Execution timed out.', errorType: AppSyncErrorTypes.EXECUTION_TIMEOUT, data: null, errorInfo: null },
        info,
      );
    }
    state.resolverCount += 1;
    if (state.resolverCount > state.maxResolverCount) {
      throw fieldError(
        {
          message: `Resolver count limit of ${state.maxResolverCount} exceeded`,
          errorType: AppSyncErrorTypes.RESOLVER_COUNT_LIMIT,
          data: null,
          errorInfo: null,
        },
        info,
      );
    }
    const field = fieldContext(source, args, state, info, env);
    const resolution = await traceResolver(runner, info, () => runner.run(field, { deadline: state.deadline, requestId: state.requestId }));
    state.logs.push(...resolution.logs);
    state.effects.push(...resolution.effects);
    const failed = resolution.value === null && resolution.errors.length > 0;
    const carried = failed ? resolution.errors.slice(0, -1) : resolution.errors;
    for (const entry of carried) state.extraErrors.push(fieldError(entry, info, field.info.selectionSetList));
    if (failed) throw fieldError(resolution.errors.at(-1) as FieldErrorEntry, info, field.info.selectionSetList);
    return resolution.value;
  };
}

/** Wraps a field's resolver with AppSync's directive check. */
export function authorizedResolver(rules: Map<string, AllowedMode[]>, resolve: Resolver = defaultFieldResolver): Resolver {
  return function resolveIfAllowed(source, args, state, info) {
    const field = info.parentType.getFields()[info.fieldName];
    if (field && !isFieldAllowed(rules, info.parentType, field, state.caller)) {
      throw fieldError(
        {
          message: unauthorizedFieldMessage(info.parentType.name, info.fieldName),
          errorType: AppSyncErrorTypes.UNAUTHORIZED_FIELD,
          data: null,
          errorInfo: null,
        },
        info,
      );
    }
    return resolve(source, args, state, info);
  };
}
