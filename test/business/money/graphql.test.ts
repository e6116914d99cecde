// The money rules through the offline server's GraphQL endpoint: Cognito tokens, IAM signatures,
// the schema's auth directives, ensureUser and invokeLambda in front of the same Lambdas.
import { describe } from 'vitest';
import { graphqlDriver } from './drivers.js';
import { describeMoneyRules } from './rules-suite.js';

describe('money rules (GraphQL)', () => {
  describeMoneyRules(() => graphqlDriver());
});
