/**
 * Stage 3: each transport carries its own operation types. HTTP serves queries and mutations and
 * refuses subscriptions; realtime serves subscriptions only, with AppSync's `error` messages.
 */
import { validationErrorEntry } from '../validation/validate-document.js';
import type { OperationStage } from './types.js';
import { AppSyncErrorTypes } from '../../shared/error-types.js';

export function useTransportRules(): OperationStage {
  return {
    name: 'transport rules',
    run(context) {
      const operationType = context.operation?.operation;
      const operationName = context.operation?.name?.value ?? context.params.operationName;
      if (context.transport === 'http') {
        if (operationType !== 'subscription') return;
        // [inf] AppSync delivers subscriptions over WebSocket only (DECISIONS.md).
        const error = validationErrorEntry('Subscriptions are served on the realtime endpoint (/graphql/realtime), not over HTTP');
        return { done: { kind: 'refused', errors: [error], operationType, operationName } };
      }
      if (!context.operation) {
        return {
          done: {
            kind: 'refused',
            errors: [{ errorType: AppSyncErrorTypes.BAD_REQUEST, message: 'The document has no operation of that name.', errorCode: 400 }],
          },
        };
      }
      if (operationType !== 'subscription') {
        return {
          done: {
            kind: 'refused',
            errors: [
              {
                errorType: AppSyncErrorTypes.UNSUPPORTED_OPERATION,
                message: `${operationType} not supported through the realtime channel`,
              },
            ],
          },
        };
      }
    },
  };
}
