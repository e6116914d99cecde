import type { GraphQLError } from 'graphql';
import type { ResolverLogLine, RuntimeSideEffects } from '../../../appsync-js/index.js';
import type { Caller } from '../../auth/types.js';

/**
 * Everything one GraphQL request carries through its field resolutions: who called, its
 * deadline and resolver budget, and what resolvers produced beside field values.
 */
export interface RequestState {
  readonly requestId: string;
  readonly caller: Caller;
  /** Request headers, names lower-cased (`ctx.request.headers`). */
  readonly headers: Record<string, string>;
  /** Epoch ms by which the whole request must end. */
  readonly deadline: number;
  readonly maxResolverCount: number;
  resolverCount: number;
  /** Errors that accompany a value (`util.appendError`), added to the response after execution. */
  readonly extraErrors: GraphQLError[];
  readonly logs: ResolverLogLine[];
  readonly effects: RuntimeSideEffects[];
}

export function createRequestState(
  init: Pick<RequestState, 'requestId' | 'caller' | 'headers' | 'deadline' | 'maxResolverCount'>,
): RequestState {
  return { ...init, resolverCount: 0, extraErrors: [], logs: [], effects: [] };
}
