/**
 * `util.transform.toSubscriptionFilter(obj, ignoredFields?, rules?)`: a filter object →
 * `{ filterGroup: [{ filters: [{ fieldName, operator, value }] }] }`. Groups are ORed, filters in
 * a group ANDed, so every alternative multiplies the groups out: each operator of a field, each
 * member of an `or`, each rule. `and` members are combined; fields named in `ignoredFields` are
 * left out at any depth; operators and values are carried through as written (`not` is read as a
 * field name). Anything but a plain object answers null. These shapes follow the outputs
 * published with localstack/appsync-utils's tests (not independently verified).
 */
import type { SubscriptionFilter } from '../../types.js';

type Filter = { fieldName: string; operator: string; value: unknown };
/** Alternatives (OR) of filter lists (AND). */
type Groups = Filter[][];

class Unreadable {}

const isObject = (candidate: unknown): candidate is Record<string, unknown> =>
  typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);

/** Every combination of one alternative from `left` with one from `right`. */
function product(left: Groups, right: Groups): Groups {
  return left.flatMap((first) => right.map((second) => [...first, ...second]));
}

function fieldAlternatives(field: string, operations: unknown): Groups {
  if (!isObject(operations)) throw new Unreadable();
  return Object.keys(operations).map((operator) => [{ fieldName: field, operator, value: operations[operator] }]);
}

function groupsOf(filter: unknown, ignored: readonly string[]): Groups {
  if (!isObject(filter)) throw new Unreadable();
  let groups: Groups = [[]];
  for (const key of Object.keys(filter)) {
    const operand = filter[key];
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(operand)) throw new Unreadable();
      const members = operand.map((member) => groupsOf(member, ignored));
      const combined = key === 'and' ? members.reduce(product, [[]] as Groups) : members.flat();
      groups = product(groups, combined);
    } else if (!ignored.includes(key)) {
      groups = product(groups, fieldAlternatives(key, operand));
    }
  }
  return groups;
}

/** The subscription filter for `filter`, or null when it cannot be read. */
export function toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null {
  const ignored = Array.isArray(ignoredFields) ? ignoredFields.map(String) : [];
  try {
    let groups = groupsOf(filter, ignored);
    if (rules !== undefined && rules !== null) {
      if (!isObject(rules)) throw new Unreadable();
      const alternatives = Object.keys(rules).flatMap((field) => fieldAlternatives(field, rules[field]));
      if (alternatives.length > 0) groups = product(groups, alternatives);
    }
    return { filterGroup: groups.filter((group) => group.length > 0).map((filters) => ({ filters })) };
  } catch (failure) {
    if (failure instanceof Unreadable) return null;
    throw failure;
  }
}
