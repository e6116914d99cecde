import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { AppSyncScalarName } from './constants.js';
import { AppSyncScalarError } from './errors.js';

/** What a rule returns for a value the scalar does not accept. */
export const INVALID: unique symbol = Symbol('invalid AppSync scalar value');
type Checked<T> = T | typeof INVALID;

/** How one AppSync scalar reads and writes values. */
export interface ScalarRules<Internal> {
  name: AppSyncScalarName;
  description: string;
  /** A variable's JSON value → the value resolvers get. */
  parseValue(value: unknown): Checked<Internal>;
  /** A literal in the query → the value resolvers get. */
  parseLiteral(node: ValueNode): Checked<Internal>;
  /** A resolver's value → the JSON value in the response. */
  serialize(value: unknown): unknown;
}

/** Builds a graphql-js scalar that throws {@link AppSyncScalarError} for anything invalid. */
export function defineScalar<Internal>(rules: ScalarRules<Internal>): GraphQLScalarType<Internal, unknown> {
  return new GraphQLScalarType<Internal, unknown>({
    name: rules.name,
    description: rules.description,
    parseValue(value) {
      const parsed = rules.parseValue(value);
      if (parsed === INVALID) throw new AppSyncScalarError(rules.name, 'parse', value);
      return parsed;
    },
    parseLiteral(node) {
      const parsed = rules.parseLiteral(node);
      if (parsed === INVALID) throw new AppSyncScalarError(rules.name, 'parse', 'value' in node ? node.value : node.kind, node);
      return parsed;
    },
    serialize(value) {
      const serialized = rules.serialize(value);
      if (serialized === INVALID) throw new AppSyncScalarError(rules.name, 'serialize', value);
      return serialized;
    },
  });
}

/** Rules for a scalar whose values are strings in a given format, unchanged in both directions. */
export function stringFormat(name: AppSyncScalarName, description: string, isValid: (text: string) => boolean): ScalarRules<string> {
  const check = (value: unknown): Checked<string> => (typeof value === 'string' && isValid(value) ? value : INVALID);
  return {
    name,
    description,
    parseValue: check,
    parseLiteral: (node) => (node.kind === Kind.STRING ? check(node.value) : INVALID),
    serialize: check,
  };
}
