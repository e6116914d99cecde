/** Stage 5: a query or mutation runs, within the request deadline, into AppSync's response body. */
import { executeDocument } from '../execute/execute-operation.js';
import type { OperationApi, OperationStage } from './types.js';
import { attachTrace, createRequestTrace, withRequestTrace } from '../../shared/request-trace.js';

export function useExecution(api: OperationApi): OperationStage {
  return {
    name: 'execution',
    async run(context) {
      if (context.operation?.operation === 'subscription') return;
      const { document, state } = context;
      if (!document || !state) throw new Error('execution needs the validation and request state stages before it');
      // Everything the operation runs (resolvers, SQL, Lambda calls) lands in its trace.
      const trace = createRequestTrace(state.requestId);
      attachTrace(state, trace);
      const outcome = await withRequestTrace(trace, () => executeDocument(api.schema, document, context.operation, context.params, state));
      return { done: { kind: 'executed', outcome, state } };
    },
  };
}
