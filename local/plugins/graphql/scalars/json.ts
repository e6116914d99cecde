import { Kind } from 'graphql';
import { INVALID, defineScalar } from './define-scalar.js';

function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return INVALID;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return INVALID;
  }
}

function toJsonText(value: unknown): string | typeof INVALID {
  // A string is taken as JSON already; anything else is serialized.
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? INVALID;
  } catch {
    return INVALID;
  }
}

/** AppSync's `AWSJSON`: a string holding JSON, parsed on input, serialized on output. */
export const AWSJSON = defineScalar<unknown>({
  name: 'AWSJSON',
  description: 'A JSON string. Inputs are parsed before resolvers see them; outputs are serialized to a string.',
  parseValue: parseJsonText,
  parseLiteral: (node) => (node.kind === Kind.STRING ? parseJsonText(node.value) : INVALID),
  serialize: toJsonText,
});
