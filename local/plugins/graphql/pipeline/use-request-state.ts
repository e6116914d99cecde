/** Stage 4: the state every resolver of the operation shares: caller, headers, deadline, resolver budget. */
import { GraphqlLimits } from '../constants.js';
import { createRequestState } from '../execute/request-state.js';
import type { OperationApi, OperationStage } from './types.js';

export function useRequestState(api: OperationApi): OperationStage {
  return {
    name: 'request state',
    run(context) {
      if (!context.caller) throw new Error('the request state needs the authentication stage before it');
      context.state = createRequestState({
        requestId: crypto.randomUUID(),
        caller: context.caller,
        headers: Object.fromEntries(context.headers),
        deadline: Date.now() + (api.requestTimeoutMs ?? GraphqlLimits.REQUEST_TIMEOUT_MS),
        maxResolverCount: api.resolverCountLimit || GraphqlLimits.MAX_RESOLVER_COUNT,
      });
    },
  };
}
