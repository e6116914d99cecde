/** Stage 2: the document parses and validates against the schema (with the API's depth and introspection settings). */
import { getOperationAST } from 'graphql';
import type { OperationApi, OperationStage } from './types.js';

export function useValidation(api: OperationApi): OperationStage {
  return {
    name: 'validation',
    run(context) {
      const validated = api.validate(context.params.query);
      if (!validated.ok) return { done: { kind: 'refused', errors: validated.errors, operationName: context.params.operationName } };
      context.document = validated.document;
      context.operation = getOperationAST(validated.document, context.params.operationName) ?? undefined;
    },
  };
}
