/** Stage 5: a query or mutation runs, within the request deadline, into AppSync's response body. */
import { executeDocument } from '../execute/execute-operation.js';
import type { OperationApi, OperationStage } from './types.js';

export function useExecution(api: OperationApi): OperationStage {
  return {
    name: 'execution',
    async run(context) {
      if (context.operation?.operation === 'subscription') return;
      const { document, state } = context;
      if (!document || !state) throw new Error('execution needs the validation and request state stages before it');
      const outcome = await executeDocument(api.schema, document, context.operation, context.params, state);
      return { done: { kind: 'executed', outcome, state } };
    },
  };
}
