import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * The offline server's budget for one operation, checked before anything runs. AppSync publishes
 * no alias or field limit (only the per-API depth and resolver-count limits), but offline every
 * resolver shares one process and PGlite's one session: 100 aliases of a search held the server
 * for seconds. Real clients stay far below these (see DECISIONS.md).
 */
export const QueryBudget = {
  /** Aliased fields in one operation, fragments expanded. */
  MAX_ALIASES: 50,
  /** Field selections in one operation, fragments expanded (so nested spreads cannot multiply them unseen). */
  MAX_FIELDS: 2_000,
} as const;

interface Tally {
  fields: number;
  aliases: number;
}

/** Refuses operations over the alias or field budget, with graphql-java's "Validation error of type …" style. */
export function queryBudgetRule(
  budget: { maxAliases: number; maxFields: number } = { maxAliases: QueryBudget.MAX_ALIASES, maxFields: QueryBudget.MAX_FIELDS },
) {
  return function QueryBudgetRule(context: ValidationContext): ASTVisitor {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // Each fragment is tallied once, so a chain of spreads costs linear time to count however much it expands to.
    const fragmentTallies = new Map<string, Tally>();
    const tally = (set: SelectionSetNode | undefined, visiting: Set<string>): Tally => {
      const total: Tally = { fields: 0, aliases: 0 };
      const add = (part: Tally) => {
        total.fields = Math.min(total.fields + part.fields, Number.MAX_SAFE_INTEGER);
        total.aliases = Math.min(total.aliases + part.aliases, Number.MAX_SAFE_INTEGER);
      };
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          add({ fields: 1, aliases: selection.alias ? 1 : 0 });
          add(tally(selection.selectionSet, visiting));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          add(tally(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          if (visiting.has(name)) continue; // a cycle: NoFragmentCycles reports it
          let known = fragmentTallies.get(name);
          if (!known) {
            known = tally(fragments.get(name)?.selectionSet, new Set([...visiting, name]));
            fragmentTallies.set(name, known);
          }
          add(known);
        }
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const { fields, aliases } = tally(node.selectionSet, new Set());
        if (aliases > budget.maxAliases) {
          context.reportError(
            new GraphQLError(`Query has ${aliases} aliases, more than the maximum of ${budget.maxAliases}`, { nodes: node }),
          );
        }
        if (fields > budget.maxFields) {
          context.reportError(
            new GraphQLError(`Query selects ${fields} fields, more than the maximum of ${budget.maxFields}`, { nodes: node }),
          );
        }
      },
    };
  };
}
