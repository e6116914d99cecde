/**
 * Opaque pagination tokens: base64 of `v1|part|part|…`. Parts never contain `|` (callers pass
 * numbers, UUIDs, instants and base64 text). A token that does not decode to the expected shape is
 * a ValidationError, never a crash: resolver code has no try/catch, so it is checked before use.
 */
import { util } from '@aws-appsync/utils';
import { invalid } from './validation.js';

const VERSION = 'v1';
const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

/** Encodes the keyset of the last item of a page. */
export function encodeCursor(parts: readonly string[]): string {
  return util.base64Encode([VERSION, ...parts].join('|'));
}

/**
 * Decodes a token made by {@link encodeCursor} into its parts, checking each against its pattern
 * (Java regex, whole value); any mismatch is a ValidationError.
 */
export function decodeCursor(token: string, patterns: readonly string[]): string[] {
  if (token.length === 0 || !util.matches(BASE64, token)) {
    return invalid('nextToken is not a token this API issued');
  }
  const parts = util.base64Decode(token).split('|');
  let ok = parts.length === patterns.length + 1 && parts[0] === VERSION;
  let index = 1;
  for (const pattern of patterns) {
    ok = ok && util.matches(pattern, parts[index] ?? '');
    index = index + 1;
  }
  if (!ok) {
    return invalid('nextToken is not a token this API issued');
  }
  return parts.slice(1);
}

/** Patterns for {@link decodeCursor}. */
export const CursorPatterns = {
  INTEGER: '-?[0-9]{1,19}',
  UUID: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  DATE: '[0-9]{4}-[0-9]{2}-[0-9]{2}',
  INSTANT: '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z',
  BASE64: '[A-Za-z0-9+/=]+',
} as const;
