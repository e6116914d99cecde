import type { SubscriptionFilter } from '../../appsync-js/runtime/types.js';

type Filter = SubscriptionFilter['filterGroup'][number]['filters'][number];

/** Reads `a.b.c` from an event object; a missing step gives `undefined`. */
export function valueAtPath(source: unknown, path: string): unknown {
  let at: unknown = source;
  for (const step of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** Equality of JSON values, with a field that is absent counting as null. */
export function sameValue(left: unknown, right: unknown): boolean {
  const a = left === undefined ? null : left;
  const b = right === undefined ? null : right;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function ordered(field: unknown, value: unknown, compare: (order: number) => boolean): boolean {
  if (typeof field === 'number' && typeof value === 'number') return compare(field - value);
  if (typeof field === 'string' && typeof value === 'string') return compare(field < value ? -1 : field > value ? 1 : 0);
  return false;
}

function contains(field: unknown, value: unknown): boolean {
  if (typeof field === 'string') return typeof value === 'string' && field.includes(value);
  if (Array.isArray(field)) return field.some((item) => sameValue(item, value));
  return false;
}

function inList(field: unknown, list: unknown): boolean {
  return Array.isArray(list) && list.some((item) => sameValue(field, item));
}

/**
 * One filter against the event. An operator AppSync does not know
 * matches nothing [obs: "everything or nothing"; DECISIONS.md].
 */
export function matchesFilter(event: unknown, filter: Filter): boolean {
  const field = valueAtPath(event, filter.fieldName);
  const { value } = filter;
  switch (filter.operator) {
    case 'eq':
      return sameValue(field, value);
    case 'ne':
      return !sameValue(field, value);
    case 'le':
      return ordered(field, value, (order) => order <= 0);
    case 'lt':
      return ordered(field, value, (order) => order < 0);
    case 'ge':
      return ordered(field, value, (order) => order >= 0);
    case 'gt':
      return ordered(field, value, (order) => order > 0);
    case 'contains':
      return contains(field, value);
    case 'notContains':
      return (typeof field === 'string' || Array.isArray(field)) && !contains(field, value);
    case 'beginsWith':
      return typeof field === 'string' && typeof value === 'string' && field.startsWith(value);
    case 'in':
      return inList(field, value);
    case 'notIn':
      return Array.isArray(value) && !inList(field, value);
    case 'between':
      return (
        Array.isArray(value) &&
        value.length === 2 &&
        ordered(field, value[0], (order) => order >= 0) &&
        ordered(field, value[1], (order) => order <= 0)
      );
    case 'containsAny':
      return Array.isArray(value) && (Array.isArray(field) ? field.some((item) => inList(item, value)) : inList(field, value));
    default:
      return false;
  }
}

/** Filters of a group are ANDed, groups are ORed; no filter matches every event. */
export function matchesSubscriptionFilter(event: unknown, filter: SubscriptionFilter | null): boolean {
  if (!filter || filter.filterGroup.length === 0) return true;
  return filter.filterGroup.some((group) => group.filters.every((entry) => matchesFilter(event, entry)));
}

/**
 * `@aws_subscribe` argument filtering: every argument the subscriber gave equals the
 * top-level field of that name in the mutation result; explicit null matches only null.
 */
export function matchesArguments(event: unknown, args: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(args).every(([name, value]) => sameValue(valueAtPath(event, name), value));
}

/** Stands for `undefined` in a filter's key: JSON would drop the field, and an absent argument filters nothing. */
const UNDEFINED = '\u0000undefined';

/**
 * The same key for subscriptions whose argument filter and enhanced filter are equal, so an event
 * evaluates each distinct pair once rather than once per subscriber.
 */
export function matchKeyOf(args: Readonly<Record<string, unknown>>, filter: SubscriptionFilter | null): string {
  return JSON.stringify([args, filter], (_key, value: unknown) => (value === undefined ? UNDEFINED : value));
}
