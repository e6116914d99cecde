/**
 * Which mutations the Lambdas may call back into the API for: the "publish" mutations, i.e. those
 * a subscription listens to (`@aws_subscribe(mutations: [...])`) that a NONE data source serves.
 * AppSync only pushes mutation results to subscribers, so a Lambda that changes data inside a
 * transaction calls one of these (signed with its IAM role) after commit; it needs no other field.
 */
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import type { ResolverManifest } from '../../platform/manifest/index.js';

function subscribedMutations(directive: ConstDirectiveNode): string[] {
  const list = directive.arguments?.find((arg) => arg.name.value === 'mutations')?.value;
  if (list?.kind !== Kind.LIST) return [];
  return list.values.flatMap((value) => (value.kind === Kind.STRING ? [value.value] : []));
}

/** Mutation field names, sorted, that subscriptions listen to and a NONE data source resolves. */
export function publishMutations(schemaText: string, manifest: ResolverManifest): string[] {
  const names = new Set<string>();
  for (const definition of parse(schemaText).definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      definition.name.value !== 'Subscription'
    )
      continue;
    for (const field of definition.fields ?? []) {
      for (const directive of field.directives ?? []) {
        if (directive.name.value === 'aws_subscribe') subscribedMutations(directive).forEach((name) => names.add(name));
      }
    }
  }
  return [...names]
    .filter((name) => {
      const resolver = manifest.resolvers[`Mutation.${name}`];
      return resolver?.kind === 'JS_UNIT' && manifest.dataSources[resolver.dataSource]?.kind === 'NONE';
    })
    .sort();
}
