/**
 * Attribute values for the `@aws-appsync/utils/dynamodb` builders: plain values in DynamoDB's
 * typed form (as `util.dynamodb.toDynamoDB`, numbers staying numbers, as AWS returns them), and
 * the sets made by `toStringSet` / `toNumberSet` / `toBinarySet`, which keep their set type when
 * they are placed in a key or an item instead of becoming a map.
 */
import { moduleError } from '../module-error.js';
import { toDynamoDB } from '../util/dynamodb.js';

type Attribute = Record<string, unknown>;

// Set results are plain `{ SS: [...] }` objects (their d.ts type); this remembers which ones the
// builders made, so an item value `{ SS: [...] }` written by hand is still read as a map.
const madeSets = new WeakSet<object>();

function makeSet(type: 'SS' | 'NS' | 'BS', values: unknown, convert: (item: unknown) => unknown): Attribute {
  if (!Array.isArray(values)) throw moduleError(`to${{ SS: 'String', NS: 'Number', BS: 'Binary' }[type]}Set needs an array`);
  const set = { [type]: values.map(convert) };
  madeSets.add(set);
  return set;
}

/** `toStringSet(list)`: `{ SS: [...] }`. */
export const toStringSet = (list: unknown): Attribute => makeSet('SS', list, String);
/** `toNumberSet(numbers)`: `{ NS: [...] }`. */
export const toNumberSet = (numbers: unknown): Attribute => makeSet('NS', numbers, Number);
/** `toBinarySet(values)`: `{ BS: [...] }` of base64 strings. */
export const toBinarySet = (values: unknown): Attribute => makeSet('BS', values, String);

/** One value in typed form. */
export function attributeValue(value: unknown): Attribute {
  if (typeof value === 'object' && value !== null && madeSets.has(value)) return { ...(value as Attribute) };
  if (Array.isArray(value)) return { L: value.map(attributeValue) };
  if (typeof value === 'object' && value !== null) return { M: attributeMap(value) };
  return toDynamoDB(value);
}

/** Every defined entry of an object in typed form (a key, an item). */
export function attributeMap(value: unknown): Record<string, Attribute> {
  const out: Record<string, Attribute> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [name, item] of Object.entries(value)) if (item !== undefined) out[name] = attributeValue(item);
  return out;
}
