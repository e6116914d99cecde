import type { GraphQLSchema } from 'graphql';
import type { SubscriptionInvalidation } from '../../appsync-js/runtime/types.js';
import type { AuthMode } from '../auth/types.js';
import type { OperationOutcome } from '../graphql/execute/execute-operation.js';
import type { RequestState } from '../graphql/execute/request-state.js';
import { MessageTypes } from './constants.js';
import { eventBody, type EventBody } from './event-payload.js';
import { matchesArguments, matchesSubscriptionFilter } from './filters.js';
import type { SubscriptionRegistry } from './subscription.js';

/** What publishing reads. */
export interface PublishContext {
  registry: SubscriptionRegistry;
  schema: GraphQLSchema;
  defaultMode: AuthMode;
  maxEventBytes: number;
  log: (line: string) => void;
}

/**
 * Ends every live subscription on the named field whose invalidation filter matches the payload
 *; each gets a `complete` frame (DECISIONS.md).
 */
export function applyInvalidations(context: PublishContext, invalidations: readonly SubscriptionInvalidation[]): number {
  let ended = 0;
  for (const { subscriptionField, payload } of invalidations) {
    for (const subscription of context.registry.onField(subscriptionField)) {
      if (subscription.invalidationFilter && matchesSubscriptionFilter(payload, subscription.invalidationFilter)) {
        subscription.end();
        ended += 1;
      }
    }
  }
  return ended;
}

/**
 * Delivers a mutation's results to the subscriptions that follow them: each root field of
 * the mutation that produced a value is published to the subscriptions listing it in
 * `@aws_subscribe`, filtered by their arguments and enhanced filter, and shaped by the
 * subscriber's selection over what the mutation's caller selected. Oversized events are dropped
 * and logged. Aliases the mutation's caller used are undone first, so events carry field names.
 */
export function publishMutationResults(context: PublishContext, outcome: OperationOutcome): number {
  if (outcome.operationType !== 'mutation') return 0;
  let delivered = 0;
  const fields = context.registry.fields();
  for (const { fieldName: mutationField, value } of outcome.rootFields) {
    // A null result is a field that failed or returned nothing: nothing to publish [inf].
    if (value === null || value === undefined) continue;
    const before = delivered;
    // Per event, each distinct filter pair is evaluated once and each distinct selection shaped and serialized once.
    const matched = new Map<string, boolean>();
    const shaped = new Map<string, { body: EventBody; size: number; frameEnd: string }>();
    for (const fieldName of fields) {
      for (const subscription of context.registry.liveOnField(fieldName)) {
        if (!subscription.mutations.has(mutationField)) continue;
        let matches = matched.get(subscription.matchKey);
        if (matches === undefined) {
          matches = matchesArguments(value, subscription.argumentFilter) && matchesSubscriptionFilter(value, subscription.filter);
          matched.set(subscription.matchKey, matches);
        }
        if (!matches) continue;
        let shape = shaped.get(subscription.shapeKey);
        if (!shape) {
          const body = eventBody(context.schema, context.defaultMode, subscription, value);
          const frameEnd = `,"payload":${JSON.stringify(body)}}`;
          shape = { body, size: Buffer.byteLength(frameEnd), frameEnd };
          shaped.set(subscription.shapeKey, shape);
        }
        if (shape.size > context.maxEventBytes) {
          context.log(
            `realtime: dropped a ${shape.size}-byte event of ${mutationField} for ${fieldName} (limit ${context.maxEventBytes} bytes)`,
          );
          continue;
        }
        subscription.send(`{"type":"${MessageTypes.DATA}","id":${JSON.stringify(subscription.id)}${shape.frameEnd}`);
        delivered += 1;
      }
    }
    if (delivered > before)
      context.log(`realtime publish ${mutationField}: ${delivered - before} event${delivered - before === 1 ? '' : 's'} delivered`);
  }
  return delivered;
}

/** Everything an executed operation publishes: invalidations first, then events. */
export function publishOperation(context: PublishContext, outcome: OperationOutcome, state: RequestState): void {
  const invalidations = state.effects.flatMap((effects) => effects.invalidations as SubscriptionInvalidation[]);
  if (invalidations.length > 0) applyInvalidations(context, invalidations);
  publishMutationResults(context, outcome);
}
