import { Kind } from 'graphql';
import { INVALID, defineScalar } from './define-scalar.js';

function wholeSeconds(value: unknown): number | typeof INVALID {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : INVALID;
}

/** AppSync's `AWSTimestamp`: whole seconds since the epoch, negative allowed; not limited to 32 bits. */
export const AWSTimestamp = defineScalar<number>({
  name: 'AWSTimestamp',
  description: 'The number of seconds that have elapsed since 1970-01-01T00:00Z.',
  parseValue: wholeSeconds,
  parseLiteral: (node) => (node.kind === Kind.INT ? wholeSeconds(Number(node.value)) : INVALID),
  serialize: wholeSeconds,
});
