/** Stage 1: who is calling. A request without valid credentials is refused with AppSync's 401 (thrown). */
import { authenticate } from '../../auth/authenticate.js';
import type { OperationApi, OperationStage } from './types.js';

export function useAuthentication(api: OperationApi): OperationStage {
  return {
    name: 'authentication',
    async run(context) {
      context.caller = await authenticate(api.authenticators, api.defaultMode, context.headers, context.facts);
    },
  };
}
