import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DataApiTarget } from '../db/data-api.js';
import { serveNodeHttp, type NodeHttpServer } from './adapters/node-http.js';
import type { LocalProjectConfig } from './config/project.js';
import type { ServerOptions } from './config/options.js';
import { assertValidManifest } from './manifest/index.js';
import {
  createDataApiCore,
  createDataApiHandler,
  createPgliteBackend,
  createPostgresBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type DataApiCore,
} from './plugins/data-api/index.js';
import { loadOrCreateApiKey } from './plugins/graphql/auth/api-key-file.js';
import { apiKeyAuthenticator, type ApiKey } from './plugins/graphql/auth/api-keys.js';
import { fieldAuthRules } from './plugins/graphql/auth/field-rules.js';
import type { Authenticator } from './plugins/graphql/auth/types.js';
import { bindResolvers, buildAppSyncSchema } from './plugins/graphql/execute/executable-schema.js';
import { loadFieldRunners } from './plugins/graphql/execute/field-runners.js';
import { createGraphqlHandler, type OperationLog } from './plugins/graphql/handler.js';
import { jsonResponse } from './plugins/graphql/format.js';
import { createDocumentValidator } from './plugins/graphql/validation/validate-document.js';
import { createLambdaRunner, type LambdaRunner } from './plugins/lambda/index.js';

/** Paths of the services on the one port. */
export const Routes = {
  GRAPHQL: '/graphql',
  REALTIME: '/graphql/realtime',
  PLAYGROUND: '/',
  DATA_API: '/data-api',
  HEALTH: '/health',
} as const;

/** A running offline API. */
export interface LocalServer {
  readonly url: string;
  readonly apiKey: ApiKey;
  readonly dataApi: { readonly url: string; readonly resourceArn: string; readonly secretArn: string; readonly database: string };
  /** The Data API core in process, for scripts and tests that want no HTTP. */
  readonly dataApiCore: DataApiCore;
  /** The same handler the port serves, callable in process. */
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

export interface StartOptions extends Omit<ServerOptions, 'config' | 'watch'> {
  /** Folder that the project's relative paths start from. */
  readonly rootDir: string;
  /** Where start-up progress and operation logs go. @default console.log */
  readonly log?: (line: string) => void;
  /** Refuse to start while a Query or Mutation field has no resolver. Only tests of a partial API turn it off. @default true */
  readonly requireAllRootResolvers?: boolean;
}

/** Environment variables every Lambda gets offline, so it reaches the Data API as in AWS. */
export function lambdaDataApiEnvironment(dataApiUrl: string, database: string): Record<string, string> {
  // AWS_ENDPOINT_URL_RDS_DATA is the SDK's own endpoint override: handlers build `new RDSDataClient({})` as in AWS.
  return { AWS_ENDPOINT_URL_RDS_DATA: dataApiUrl, RDS_DATA_API_ENDPOINT: dataApiUrl, RDS_RESOURCE_ARN: DEFAULT_RESOURCE_ARN, RDS_SECRET_ARN: DEFAULT_SECRET_ARN, RDS_DATABASE: database };
}

function formatOperationLog(entry: OperationLog): string {
  const name = entry.operationName ?? '(anonymous)';
  return `${entry.status} ${entry.operationType ?? '-'} ${name} auth=${entry.authMode ?? '-'} ${entry.durationMs.toFixed(1)}ms resolvers=${entry.resolverCount} errors=${entry.errorCount}`;
}

/**
 * Starts the offline API for a project: prepares the database through the Data API, loads the
 * schema and every resolver, and serves GraphQL, the Data API and health on one port.
 */
export async function startLocalServer(project: LocalProjectConfig, options: StartOptions): Promise<LocalServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = resolve(options.rootDir, options.dataDir);
  const backend = options.dbUrl ? createPostgresBackend({ url: options.dbUrl }) : await createPgliteBackend({ dataDir: join(dataDir, 'pglite') });
  const dataApiCore = createDataApiCore({ backend });
  let app: ((request: Request, sourceIp: string[]) => Promise<Response>) | undefined;
  let http: NodeHttpServer | undefined;
  let lambda: LambdaRunner | undefined;
  try {
    http = await serveNodeHttp((request) => (app ? app(request, ['127.0.0.1']) : Promise.resolve(jsonResponse({ status: 'starting' }, 503))), {
      port: options.port,
      host: options.host,
    });
    const database = project.database.name;
    const dataApi = { url: `${http.url}${Routes.DATA_API}`, resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN, database };
    const target: DataApiTarget = { api: dataApiCore, resourceArn: dataApi.resourceArn, secretArn: dataApi.secretArn, database };
    await project.database.prepare?.(target, log);

    const schema = buildAppSyncSchema(await readFile(resolve(options.rootDir, project.schemaFile), 'utf8'));
    assertValidManifest(project.manifest, schema, { rootDir: options.rootDir, requireRootResolvers: options.requireAllRootResolvers ?? true });
    const lambdaRunner = createLambdaRunner({
      functions: Object.entries(project.manifest.lambdaFunctions).map(([name, fn]) => ({
        name,
        handlerFile: resolve(options.rootDir, fn.handler),
        ...(fn.export ? { handlerExport: fn.export } : {}),
        ...(fn.environment ? { environment: fn.environment } : {}),
        ...(fn.timeoutSeconds ? { timeoutSeconds: fn.timeoutSeconds } : {}),
        ...(fn.memoryMb ? { memoryMb: fn.memoryMb } : {}),
      })),
      extraEnvironment: lambdaDataApiEnvironment(dataApi.url, database),
      logger: (entry) => log(`[${entry.functionName}] ${entry.line}`),
    });
    lambda = lambdaRunner;
    const runners = await loadFieldRunners(project.manifest, options.rootDir, { dataApi: { core: dataApiCore, ...dataApi }, lambda: lambdaRunner });
    const defaultMode = project.auth.defaultMode;
    bindResolvers(schema, runners, fieldAuthRules(schema, defaultMode), { ...project.environment });

    const apiKey: ApiKey = options.apiKey ? { id: options.apiKey, expires: Math.floor(Date.now() / 1000) + 365 * 86_400 } : await loadOrCreateApiKey(dataDir);
    const modes = new Set([defaultMode, ...(project.auth.additionalModes ?? [])]);
    const authenticators: Authenticator[] = modes.has('API_KEY') ? [apiKeyAuthenticator(() => [apiKey])] : [];
    const graphql = createGraphqlHandler({
      schema,
      validate: createDocumentValidator(schema, { queryDepthLimit: project.queryDepthLimit ?? 0, introspection: project.introspection ?? true }),
      authenticators,
      defaultMode,
      resolverCountLimit: project.resolverCountLimit ?? 0,
      log: (entry) => log(formatOperationLog(entry)),
    });
    const dataApiHandler = createDataApiHandler(dataApiCore);
    const url = http.url;
    const health = { status: 'ready', graphql: `${url}${Routes.GRAPHQL}`, realtime: `${url.replace(/^http/, 'ws')}${Routes.REALTIME}`, playground: `${url}${Routes.PLAYGROUND}`, dataApi };

    app = async (request, sourceIp) => {
      const path = new URL(request.url).pathname;
      if (path === Routes.GRAPHQL) return graphql(request, sourceIp);
      if (path === Routes.DATA_API || path.startsWith(`${Routes.DATA_API}/`)) return dataApiHandler(request);
      if (path === Routes.HEALTH) return jsonResponse(health);
      return jsonResponse({ errors: [{ errorType: 'NotFound', message: `Nothing is served at ${path}` }] }, 404);
    };
    const server = http;
    return {
      url,
      apiKey,
      dataApi,
      dataApiCore,
      fetch: (request) => (app as NonNullable<typeof app>)(request, ['127.0.0.1']),
      async close() {
        await server.close();
        await lambdaRunner.close();
        await dataApiCore.close();
      },
    };
  } catch (error) {
    await http?.close();
    await lambda?.close();
    await dataApiCore.close();
    throw error;
  }
}
