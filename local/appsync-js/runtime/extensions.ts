/**
 * The `extensions` export of `@aws-appsync/utils`. Each call is recorded as an
 * effect of the current handler call; the executor applies them (filters at subscription start,
 * invalidations after the mutation, cache evictions).
 */
import { RuntimeLimits } from './constants.js';
import { errorSignal } from './signals.js';
import type { RuntimeState } from './state.js';
import type { SubscriptionFilter } from './types.js';

const isObject = (candidate: unknown): candidate is Record<string, unknown> =>
  typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);

/**
 * Check a filter against the limits the reference gives and copy it. The error texts are the ones
 * AWS sends; they are thrown as `util.error` signals with no errorType, and the realtime
 * layer turns them into the `error` frame.
 */
export function validateSubscriptionFilter(filter: unknown): SubscriptionFilter {
  const invalid = (message: string) => errorSignal(message, null, null, null);
  if (!isObject(filter) || !Array.isArray(filter.filterGroup)) {
    throw invalid('subscription filter must be an object with a "filterGroup" array');
  }
  const filterGroup = filter.filterGroup.map((group) => {
    if (!isObject(group) || !Array.isArray(group.filters)) throw invalid('each filterGroup entry needs a "filters" array');
    if (group.filters.length > RuntimeLimits.MAX_FILTERS_PER_GROUP) {
      throw invalid(`Filters exceed maximum attributes limit ${RuntimeLimits.MAX_FILTERS_PER_GROUP} for subscription`);
    }
    const filters = group.filters.map((entry) => {
      if (!isObject(entry) || typeof entry.fieldName !== 'string' || typeof entry.operator !== 'string') {
        throw invalid('each filter needs "fieldName", "operator" and "value"');
      }
      const { fieldName, operator, value } = entry;
      if ((operator === 'in' || operator === 'notIn') && Array.isArray(value) && value.length > RuntimeLimits.MAX_FILTER_IN_VALUES) {
        throw invalid(`subscription exceeds maximum value limit ${RuntimeLimits.MAX_FILTER_IN_VALUES} for operator \`${operator}\`.`);
      }
      if (operator === 'containsAny' && (!Array.isArray(value) || value.length === 0)) {
        throw invalid('subscription filter has invalid filter value for operator `containsAny`.');
      }
      return { fieldName, operator, value };
    });
    return { filters };
  });
  return { filterGroup };
}

/** `extensions`, bound to one runtime state. */
export function createExtensions(state: RuntimeState) {
  return {
    setSubscriptionFilter(filter: unknown): void {
      state.effects.subscriptionFilter = validateSubscriptionFilter(filter);
    },
    setSubscriptionInvalidationFilter(filter: unknown): void {
      state.effects.subscriptionInvalidationFilter = validateSubscriptionFilter(filter);
    },
    invalidateSubscriptions(invalidation: unknown): void {
      if (!isObject(invalidation) || typeof invalidation.subscriptionField !== 'string' || !isObject(invalidation.payload)) {
        throw errorSignal('invalidateSubscriptions needs { subscriptionField, payload }', null, null, null);
      }
      const entry = { subscriptionField: invalidation.subscriptionField, payload: invalidation.payload };
      const key = JSON.stringify(entry);
      if (!state.invalidationKeys.includes(key)) {
        if (state.invalidationKeys.length >= RuntimeLimits.MAX_INVALIDATIONS_PER_REQUEST) {
          throw errorSignal(
            `Maximum number of ${RuntimeLimits.MAX_INVALIDATIONS_PER_REQUEST} distinct invalidateSubscriptions calls per request exceeded`,
            null,
            null,
            null,
          );
        }
        state.invalidationKeys.push(key);
        state.effects.invalidations.push(entry);
      }
    },
    evictFromApiCache(typeName: unknown, fieldName: unknown, keyValues: unknown): void {
      if (typeof typeName !== 'string' || typeof fieldName !== 'string' || !isObject(keyValues)) {
        throw errorSignal('evictFromApiCache needs (typeName, fieldName, keyValuePairs)', null, null, null);
      }
      state.effects.cacheEvictions.push({ typeName, fieldName, keyValues });
    },
  };
}
