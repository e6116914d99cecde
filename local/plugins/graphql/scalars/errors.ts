import { GraphQLError, type ASTNode } from 'graphql';
import { SCALAR_NOUNS, type AppSyncScalarName } from './constants.js';

/** How a value reached the scalar. */
export type ScalarPhase = 'parse' | 'serialize';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A value an AppSync scalar cannot accept (input) or produce (output). The message is AppSync's
 * inner text, `Unable to parse \`2019\` as a valid DateTime Object.`; `appSyncScalarErrorMessage`
 * adds the part that says where (variable, argument, response path).
 */
export class AppSyncScalarError extends GraphQLError {
  readonly scalar: AppSyncScalarName;
  readonly phase: ScalarPhase;
  readonly value: unknown;

  constructor(scalar: AppSyncScalarName, phase: ScalarPhase, value: unknown, node?: ASTNode) {
    super(`Unable to ${phase} \`${show(value)}\` as a valid ${SCALAR_NOUNS[scalar]}.`, node ? { nodes: node } : {});
    this.name = 'AppSyncScalarError';
    this.scalar = scalar;
    this.phase = phase;
    this.value = value;
  }
}
