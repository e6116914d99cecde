/**
 * Whether an offline answer is AWS's: the same value (object key order aside, since AWS's varies
 * between runs) or the same error message. `parse-json` cases hold JSON text whose key order is
 * not fixed, so both sides are parsed before comparing.
 */
import type { ExpectedAnswer } from './cases.js';

/** Deep equality of JSON values, ignoring the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}

function parsedOrSelf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** True when `actual` is the answer AWS gave. */
export function sameAnswer(expected: ExpectedAnswer, actual: ExpectedAnswer, compare: 'exact' | 'parse-json'): boolean {
  if ('error' in expected) return 'error' in actual && actual.error === expected.error;
  if (!('value' in actual)) return false;
  if (compare === 'parse-json') return sameJson(parsedOrSelf(expected.value), parsedOrSelf(actual.value));
  return sameJson(expected.value, actual.value);
}

/** One line describing an answer, for the failure listing. */
export function describeAnswer(answer: ExpectedAnswer): string {
  return 'error' in answer ? `error ${JSON.stringify(answer.error)}` : (JSON.stringify(answer.value) ?? 'undefined');
}
