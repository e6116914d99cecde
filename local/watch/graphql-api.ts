import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import type { LocalProjectConfig } from '../config/project.js';
import { assertValidManifest } from '../../platform/manifest/index.js';
import { fieldAuthRules } from '../plugins/auth/field-rules.js';
import type { Authenticator } from '../plugins/auth/types.js';
import type { DataSourceDeps } from '../plugins/graphql/execute/data-sources.js';
import { bindResolvers, buildAppSyncSchema } from '../plugins/graphql/execute/executable-schema.js';
import { loadFieldRunners } from '../plugins/graphql/execute/field-runners.js';
import { createGraphqlHandler, type GraphqlHandlerOptions, type OperationLog } from '../plugins/graphql/handler.js';
import { createOperationPipeline, type OperationPipeline } from '../plugins/graphql/pipeline/index.js';
import { createDocumentValidator } from '../plugins/graphql/validation/validate-document.js';

/** The part of the server that a change to the schema or a resolver file replaces. */
export interface GraphqlApi {
  readonly schema: GraphQLSchema;
  /** The one operation pipeline, which HTTP and realtime both run. */
  readonly pipeline: OperationPipeline;
  /** The HTTP transport of `/graphql`. */
  readonly handle: (request: Request, sourceIp: string[]) => Promise<Response>;
}

/** What building the GraphQL API needs from the running server. */
export interface GraphqlApiInputs {
  readonly project: LocalProjectConfig;
  readonly rootDir: string;
  readonly dataSources: DataSourceDeps;
  readonly authenticators: readonly Authenticator[];
  readonly log: (entry: OperationLog) => void;
  /** Told of every executed operation (the realtime endpoint publishes from here). */
  readonly onOperation?: GraphqlHandlerOptions['onOperation'];
  /** Refuse a manifest that leaves a Query or Mutation field without a resolver (restored from 302d6d3). @default true */
  readonly requireAllRootResolvers?: boolean;
  /** The whole-request deadline; only tests shorten it. @default 30 000 ms */
  readonly requestTimeoutMs?: number;
}

/**
 * Reads the schema, checks the manifest against it, loads every resolver and binds them, all into
 * a new object: the server swaps it in whole, or keeps the old one when this throws.
 * @throws ResolverCodeError, ManifestError or a GraphQL schema error, naming the file.
 */
export async function buildGraphqlApi(inputs: GraphqlApiInputs): Promise<GraphqlApi> {
  const { project, rootDir } = inputs;
  const schema = buildAppSyncSchema(await readFile(resolve(rootDir, project.schemaFile), 'utf8'));
  assertValidManifest(project.manifest, schema, { rootDir, requireRootResolvers: inputs.requireAllRootResolvers ?? true });
  const runners = await loadFieldRunners(project.manifest, rootDir, inputs.dataSources);
  bindResolvers(schema, runners, fieldAuthRules(schema, project.auth.defaultMode), { ...project.environment });
  const pipeline = createOperationPipeline({
    schema,
    validate: createDocumentValidator(schema, {
      queryDepthLimit: project.queryDepthLimit ?? 0,
      introspection: project.introspection ?? true,
    }),
    authenticators: inputs.authenticators,
    defaultMode: project.auth.defaultMode,
    resolverCountLimit: project.resolverCountLimit ?? 0,
    ...(inputs.requestTimeoutMs ? { requestTimeoutMs: inputs.requestTimeoutMs } : {}),
  });
  const handle = createGraphqlHandler(pipeline, { log: inputs.log, ...(inputs.onOperation ? { onOperation: inputs.onOperation } : {}) });
  return { schema, pipeline, handle };
}
