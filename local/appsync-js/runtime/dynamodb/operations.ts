/**
 * `operations.*` of `@aws-appsync/utils/dynamodb`: the update actions `update` reads. Each is a
 * plain object tagged with its `type`, in the shape AWS returns (`{ type: 'OPERATION_INCREMENT',
 * by: 10 }`, captured).
 */

/** What an `operations.*` call returns. */
export type Operation =
  | { type: 'OPERATION_ADD'; value: unknown }
  | { type: 'OPERATION_REMOVE' }
  | { type: 'OPERATION_REPLACE'; value: unknown }
  | { type: 'OPERATION_INCREMENT'; by: unknown }
  | { type: 'OPERATION_DECREMENT'; by: unknown }
  | { type: 'OPERATION_APPEND'; items: unknown }
  | { type: 'OPERATION_PREPEND'; items: unknown }
  | { type: 'OPERATION_UPDATE_LIST_ITEM'; item: unknown; index: unknown };

const TYPES: readonly string[] = [
  'OPERATION_ADD',
  'OPERATION_REMOVE',
  'OPERATION_REPLACE',
  'OPERATION_INCREMENT',
  'OPERATION_DECREMENT',
  'OPERATION_APPEND',
  'OPERATION_PREPEND',
  'OPERATION_UPDATE_LIST_ITEM',
];

/** True for an object `operations.*` made (or one of the same shape). */
export function isOperation(candidate: unknown): candidate is Operation {
  return typeof candidate === 'object' && candidate !== null && TYPES.includes((candidate as { type?: unknown }).type as string);
}

/** The `operations` export. */
export const operations = {
  add: (value: unknown): Operation => ({ type: 'OPERATION_ADD', value }),
  remove: (): Operation => ({ type: 'OPERATION_REMOVE' }),
  replace: (value: unknown): Operation => ({ type: 'OPERATION_REPLACE', value }),
  // The d.ts makes `by` optional; 1 is the natural step.
  increment: (by: unknown = 1): Operation => ({ type: 'OPERATION_INCREMENT', by }),
  decrement: (by: unknown = 1): Operation => ({ type: 'OPERATION_DECREMENT', by }),
  append: (items: unknown): Operation => ({ type: 'OPERATION_APPEND', items }),
  prepend: (items: unknown): Operation => ({ type: 'OPERATION_PREPEND', items }),
  updateListItem: (item: unknown, index: unknown): Operation => ({ type: 'OPERATION_UPDATE_LIST_ITEM', item, index }),
};
