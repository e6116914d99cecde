/**
 * The one operation pipeline: every GraphQL operation, whether it came over HTTP or as a realtime
 * `start`, goes through these stages in this order. A stage adds to the context or ends the
 * operation; the transports only parse their own framing and format the result.
 */
import { authenticate, type RequestFacts } from '../../auth/authenticate.js';
import type { Caller } from '../../auth/types.js';
import type { OperationApi, OperationContext, OperationInput, OperationStage, PipelineResult } from './types.js';
import { useAuthentication } from './use-authentication.js';
import { useExecution } from './use-execution.js';
import { useRequestState } from './use-request-state.js';
import { useSubscriptionStart } from './use-subscription-start.js';
import { useTransportRules } from './use-transport-rules.js';
import { useValidation } from './use-validation.js';

/** The stages, in order. */
export function operationStages(api: OperationApi): OperationStage[] {
  return [
    useAuthentication(api),
    useValidation(api),
    useTransportRules(),
    useRequestState(api),
    useExecution(api),
    useSubscriptionStart(api),
  ];
}

/** An API's pipeline: run it once per operation. */
export interface OperationPipeline {
  readonly api: OperationApi;
  readonly stages: readonly OperationStage[];
  /** @throws AppSyncHttpError when the caller's credentials are refused */
  run(input: OperationInput): Promise<PipelineResult>;
  /** The authentication stage alone, for a realtime handshake, which carries no operation. */
  authenticate(headers: Headers, facts: RequestFacts): Promise<Caller>;
}

export function createOperationPipeline(api: OperationApi): OperationPipeline {
  const stages = operationStages(api);
  return {
    api,
    stages,
    authenticate: (headers, facts) => authenticate(api.authenticators, api.defaultMode, headers, facts),
    async run(input) {
      const context: OperationContext = { ...input };
      for (const stage of stages) {
        const result = await stage.run(context);
        if (result) return result.done.kind === 'refused' && context.caller ? { ...result.done, caller: context.caller } : result.done;
      }
      throw new Error(`no stage ended the ${context.operation?.operation ?? 'unknown'} operation`);
    },
  };
}

export type { OperationApi, OperationInput, OperationStage, PipelineResult, RefusalEntry, SubscriptionStart, Transport } from './types.js';
