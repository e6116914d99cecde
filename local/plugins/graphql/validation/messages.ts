import type { DocumentNode, GraphQLError, ValidationRule } from 'graphql';
import * as graphql from 'graphql';
import { wrongTypeArgumentMessage } from '../scalars/index.js';

/**
 * AppSync runs graphql-java, whose validation errors read
 * "Validation error of type FieldUndefined: Field 'x' in type 'Query' is undefined @ 'x'"
 *. graphql-js finds the same problems with other words; this maps each
 * graphql-js rule to graphql-java's error type and, for the common ones, to its sentence.
 */
type Rewrite = (error: GraphQLError, path: string, document: DocumentNode) => string | undefined;

interface RuleStyle {
  readonly type: string | ((message: string) => string);
  readonly rewrite?: Rewrite;
}

const quoted = (message: string): string[] => [...message.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');

const styles = new Map<ValidationRule, RuleStyle>([
  [
    graphql.FieldsOnCorrectTypeRule,
    {
      type: 'FieldUndefined',
      rewrite: (e, path) => {
        const [field, type] = quoted(e.message);
        return `Field '${field}' in type '${type}' is undefined @ '${path}'`;
      },
    },
  ],
  [graphql.KnownTypeNamesRule, { type: 'UnknownType', rewrite: (e) => `Unknown type ${quoted(e.message)[0]}` }],
  [
    graphql.ScalarLeafsRule,
    {
      type: (m) => (m.includes('must not have a selection') ? 'SubSelectionNotAllowed' : 'SubSelectionRequired'),
      rewrite: (e, path) => {
        const [field, type] = quoted(e.message);
        return e.message.includes('must not have a selection')
          ? `Sub selection not allowed on leaf type ${type} of field ${field} @ '${path}'`
          : `Sub selection required for type ${type} of field ${field} @ '${path}'`;
      },
    },
  ],
  [
    graphql.KnownArgumentNamesRule,
    { type: 'UnknownArgument', rewrite: (e, path) => `Unknown field argument ${quoted(e.message)[0]} @ '${path}'` },
  ],
  [
    graphql.ProvidedRequiredArgumentsRule,
    { type: 'MissingFieldArgument', rewrite: (e, path) => `Missing field argument ${quoted(e.message)[1]} @ '${path}'` },
  ],
  [
    graphql.ValuesOfCorrectTypeRule,
    {
      type: 'WrongType',
      rewrite: (e, path, document) => {
        const text = wrongTypeArgumentMessage(e, document);
        return text ? `${text} @ '${path}'` : undefined;
      },
    },
  ],
  [graphql.VariablesInAllowedPositionRule, { type: 'VariableTypeMismatch' }],
  [graphql.NoUndefinedVariablesRule, { type: 'UndefinedVariable' }],
  [graphql.NoUnusedVariablesRule, { type: 'UnusedVariable' }],
  [graphql.NoUnusedFragmentsRule, { type: 'UnusedFragment' }],
  [graphql.KnownFragmentNamesRule, { type: 'UndefinedFragment' }],
  [graphql.UniqueOperationNamesRule, { type: 'DuplicateOperationName' }],
  [graphql.LoneAnonymousOperationRule, { type: 'LoneAnonymousOperationViolation' }],
  [graphql.KnownDirectivesRule, { type: (m) => (m.startsWith('Unknown') ? 'UnknownDirective' : 'MisplacedDirective') }],
  [graphql.ExecutableDefinitionsRule, { type: 'NonExecutableDefinition' }],
  [graphql.OverlappingFieldsCanBeMergedRule, { type: 'FieldsConflict' }],
  [graphql.UniqueArgumentNamesRule, { type: 'DuplicateArgumentNames' }],
  [graphql.VariablesAreInputTypesRule, { type: 'NonInputTypeOnVariable' }],
  [graphql.PossibleFragmentSpreadsRule, { type: 'InvalidFragmentType' }],
  [graphql.NoFragmentCyclesRule, { type: 'FragmentCycle' }],
  [graphql.UniqueVariableNamesRule, { type: 'DuplicateVariableName' }],
  [graphql.UniqueFragmentNamesRule, { type: 'DuplicateFragmentName' }],
  [graphql.UniqueInputFieldNamesRule, { type: 'DuplicateInputFieldName' }],
]);

/** graphql-java's wording for an error found by `rule` at the field `path` ("a/b/c"). */
export function appSyncValidationMessage(rule: ValidationRule, error: GraphQLError, path: string, document: DocumentNode): string {
  const style = styles.get(rule);
  const type = style ? (typeof style.type === 'function' ? style.type(error.message) : style.type) : rule.name.replace(/Rule$/, '');
  const text = style?.rewrite?.(error, path, document) ?? error.message;
  return `Validation error of type ${type}: ${text}`;
}
