import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSourceCall, FieldContextInput, ResolveOptions } from '../../../local/appsync-js/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of a fixture under test/fixtures/appsync-js. */
export function fixture(relative: string): string {
  return path.resolve(here, '../../fixtures/appsync-js', relative);
}

/** A field context for `Query.<fieldName>` with the given arguments. */
export function fieldContext(args: Record<string, unknown> = {}, overrides: Partial<FieldContextInput> = {}): FieldContextInput {
  return {
    arguments: args,
    identity: null,
    source: null,
    request: { headers: { 'x-api-key': 'da2-test' }, domainName: null },
    info: { fieldName: 'probe', parentTypeName: 'Query', variables: {}, selectionSetList: ['id'], selectionSetGraphQL: '{\n  id\n}' },
    env: {},
    ...overrides,
  };
}

/** A NONE data source (payload → result) that remembers what it was asked. */
export function noneDataSource(): DataSourceCall & { requests: unknown[] } {
  const requests: unknown[] = [];
  const call = async (request: unknown) => {
    requests.push(request);
    return { result: (request as { payload?: unknown } | null)?.payload ?? null };
  };
  return Object.assign(call, { requests });
}

let requestCount = 0;

/** Options for one GraphQL request with the full 30 s ahead. */
export function resolveOptions(deadlineMs = 30_000): ResolveOptions {
  requestCount += 1;
  return { deadline: Date.now() + deadlineMs, requestId: `test-request-${requestCount}` };
}
