import { resolve } from 'node:path';
import type { DataApiTarget } from '../platform/data-api/types.js';
import { serveNodeHttp, type NodeHttpServer } from './adapters/node-http.js';
import type { LocalProjectConfig } from './config/project.js';
import type { ServerOptions } from './config/options.js';
import { createLocalAuth, loadOrCreateApiKey, signAppSyncRequest, sourceIpOf, type ApiKey, type LocalAuth } from './plugins/auth/index.js';
import {
  createDataApiCore,
  dataApiRequestGuard,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  openLocalDatabase,
  type DataApiCore,
} from './plugins/data-api/index.js';
import { preparedBackend } from './plugins/data-api/backends/prepared.js';
import { createRequestScreen } from './security/screen.js';
import { jsonResponse } from './plugins/graphql/index.js';
import { createLogger } from './log/logger.js';
import { createLambdaRunner, type LambdaRunner } from './plugins/lambda/index.js';
import {
  createAuthPlugin,
  createCognitoIdpPlugin,
  createDataApiPlugin,
  createGraphqlPlugin,
  createHealthPlugin,
  createLambdaPlugin,
  createPlaygroundPlugin,
  createRealtimePlugin,
  type LocalPlugin,
  type RequestPeer,
} from './plugins/index.js';
import type { RealtimePluginOptions } from './plugins/realtime/index.js';
import { LocalUserPoolDefaults } from './plugins/cognito-idp/index.js';
import { startSchedules, type ScheduleOptions, type Schedules } from './schedules.js';
import { buildGraphqlApi, type GraphqlApi, type GraphqlApiInputs } from './watch/graphql-api.js';
import { watchProject, type ProjectWatcher } from './watch/project-watcher.js';
import { AppSyncErrorTypes } from './plugins/shared/error-types.js';
import { capHeapGrowth } from './heap-growth.js';
import { isWildcardHost, lanAddresses, urlHost } from './tls/addresses.js';

/** Paths of the services on the one port. */
export const Routes = {
  GRAPHQL: '/graphql',
  REALTIME: '/graphql/realtime',
  PLAYGROUND: '/',
  DATA_API: '/data-api',
  HEALTH: '/health',
  /** The local user pool's sign-in API (Amplify's `userPoolEndpoint`). */
  COGNITO_IDP: '/cognito-idp',
} as const;

/** A running offline API. */
export interface LocalServer {
  /** The base URL on this machine (loopback when listening on every interface). */
  readonly url: string;
  /** With `--host 0.0.0.0` (or `::`): the base URL at each of the machine's LAN addresses, for phones and emulators. */
  readonly lanUrls: readonly string[];
  /** With `--https`: the local CA's certificate file, which devices trust once. */
  readonly tls?: { readonly caFile: string };
  readonly apiKey: ApiKey;
  readonly dataApi: { readonly url: string; readonly resourceArn: string; readonly secretArn: string; readonly database: string };
  /** The local user pool (mints tokens, publishes its JWKS at `url + auth.userPool.jwksPath`) and the IAM credentials. */
  readonly auth: Pick<LocalAuth, 'region' | 'userPool' | 'iam'>;
  /** The user pool's sign-in API (Amplify's `userPoolEndpoint`) and the users it knows from the project. */
  readonly signIn: { readonly endpoint: string; readonly users: readonly string[] };
  /** The Data API core in process, for scripts and tests that want no HTTP. */
  readonly dataApiCore: DataApiCore;
  /** The same handler the port serves, callable in process. */
  fetch(request: Request): Promise<Response>;
  /** The manifest's schedules: on their timers while serving, and `run(name)` once now. */
  readonly schedules: Pick<Schedules, 'names' | 'run'>;
  /**
   * Opens the database and runs the project's `database.prepare` (migrations, seed) now, if its
   * first use has not already; rejects with the reason it cannot (a damaged folder, a failed
   * migration), after which every statement fails with DatabaseUnavailableException.
   */
  prepareDatabase(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions extends Omit<ServerOptions, 'config' | 'watch' | 'https'> {
  /** Serve HTTPS and WSS with a certificate from the local CA in the data folder. @default false */
  readonly https?: boolean;
  /** Folder that the project's relative paths start from. */
  readonly rootDir: string;
  /** Reload resolvers, Lambdas and the schema when their files change. @default false */
  readonly watch?: boolean;
  /** Where start-up progress and operation logs go. @default console.log */
  readonly log?: (line: string) => void;
  /** Realtime timings and limits other than AppSync's (tests shorten the keep-alive and idle timeout). */
  readonly realtimeLimits?: RealtimePluginOptions['limits'];
  /** Refuse to start while a Query or Mutation field has no resolver. Only tests of a partial API turn it off. @default true */
  readonly requireAllRootResolvers?: boolean;
  /** Keys the API also holds besides its own (tests add an expired one, which is refused as in AppSync). @default [] */
  readonly additionalApiKeys?: readonly ApiKey[];
  /** The whole-request deadline. Only tests shorten AppSync's fixed 30 s. */
  readonly requestTimeoutMs?: number;
  /** Timers of the manifest's schedules (on, at their rates, unless this says otherwise). */
  readonly schedules?: ScheduleOptions;
}

/** Environment variables every Lambda gets offline, so it reaches the Data API as in AWS. */
export function lambdaDataApiEnvironment(dataApiUrl: string, database: string): Record<string, string> {
  // AWS_ENDPOINT_URL_RDS_DATA is the SDK's own endpoint override: handlers build `new RDSDataClient({})` as in AWS.
  return {
    AWS_ENDPOINT_URL_RDS_DATA: dataApiUrl,
    RDS_DATA_API_ENDPOINT: dataApiUrl,
    RDS_RESOURCE_ARN: DEFAULT_RESOURCE_ARN,
    RDS_SECRET_ARN: DEFAULT_SECRET_ARN,
    RDS_DATABASE: database,
  };
}

/**
 * Starts the offline API for a project: loads the schema and every resolver, and serves GraphQL,
 * the Data API, the playground, the local user pool's JWKS and health on one port. The database
 * opens, and is prepared through the Data API (`database.prepare`: migrations, seed), on its
 * first use or at `prepareDatabase()`, whichever comes first: statements wait for it, other
 * queries do not. With `watch`, changed resolvers, Lambdas and schema are swapped in while
 * serving; a broken change leaves the last good version serving.
 */
export async function startLocalServer(project: LocalProjectConfig, options: StartOptions): Promise<LocalServer> {
  capHeapGrowth();
  // Every line goes through the logger: pretty for reading, or one JSON object per line.
  const logger = createLogger(options.logFormat ?? 'pretty', options.log ?? ((line: string) => console.log(line)), options.rootDir);
  const log = logger.info;
  const dataDir = resolve(options.rootDir, options.dataDir);
  // The project's preparation runs on this core, straight on the database; everyone else uses the
  // core below, whose first statement waits for that preparation (and starts it).
  const { core: preparingCore } = openLocalDatabase({
    dataDir,
    ...(options.dbUrl ? { dbUrl: options.dbUrl } : {}),
    ...(options.resetData ? { resetData: true } : {}),
  });
  let prepare: () => Promise<void> = async () => {};
  const database = preparedBackend(preparingCore.backend, () => prepare());
  const dataApiCore = createDataApiCore({ backend: database, closeBackend: false });
  let app: ((request: Request, peer: RequestPeer) => Promise<Response>) | undefined;
  let http: NodeHttpServer | undefined;
  let lambda: LambdaRunner | undefined;
  let watcher: ProjectWatcher | undefined;
  const screen = createRequestScreen({ bindHost: options.host ?? '127.0.0.1', dataApiPath: Routes.DATA_API });
  try {
    // Loaded only for --https: the certificate code (node-forge) is a tenth of a second to load.
    const tls = options.https ? await (await import('./tls/index.js')).loadLocalTls(dataDir) : undefined;
    http = await serveNodeHttp(
      (request, connection) =>
        app
          ? app(request, { sourceIp: sourceIpOf(connection?.remoteAddress, request.headers.get('x-forwarded-for')) })
          : Promise.resolve(jsonResponse({ status: 'starting' }, 503)),
      {
        port: options.port,
        host: options.host,
        ...screen,
        ...(tls ? { tls: { cert: tls.certPem, key: tls.keyPem } } : {}),
        onRefused: log,
      },
    );
    const databaseName = project.database.name;
    const dataApi = {
      url: `${http.url}${Routes.DATA_API}`,
      resourceArn: DEFAULT_RESOURCE_ARN,
      secretArn: DEFAULT_SECRET_ARN,
      database: databaseName,
    };
    const target: DataApiTarget = {
      api: preparingCore,
      resourceArn: dataApi.resourceArn,
      secretArn: dataApi.secretArn,
      database: databaseName,
    };
    prepare = async () => {
      await project.database.prepare?.(target, log, options.projectFlags ?? {});
    };

    const apiKey: ApiKey = options.apiKey
      ? { id: options.apiKey, expires: Math.floor(Date.now() / 1000) + 365 * 86_400 }
      : await loadOrCreateApiKey(dataDir);
    const modes = new Set([project.auth.defaultMode, ...(project.auth.additionalModes ?? [])]);
    const auth = await createLocalAuth({
      modes,
      dataDir,
      apiKey,
      ...(options.additionalApiKeys ? { additionalApiKeys: options.additionalApiKeys } : {}),
      ...(project.auth.region ? { region: project.auth.region } : {}),
      ...(project.auth.userPool ? { userPool: project.auth.userPool } : {}),
      iam: {
        ...(options.iamAccessKeyId ? { accessKeyId: options.iamAccessKeyId } : {}),
        ...(options.iamSecretAccessKey ? { secretAccessKey: options.iamSecretAccessKey } : {}),
      },
    });
    const lambdaRunner = createLambdaRunner({
      functions: Object.entries(project.manifest.lambdaFunctions).map(([name, fn]) => ({
        name,
        handlerFile: resolve(options.rootDir, fn.handler),
        ...(fn.export ? { handlerExport: fn.export } : {}),
        ...(fn.environment ? { environment: fn.environment } : {}),
        ...(fn.timeoutSeconds ? { timeoutSeconds: fn.timeoutSeconds } : {}),
        ...(fn.memoryMb ? { memoryMb: fn.memoryMb } : {}),
      })),
      extraEnvironment: {
        ...lambdaDataApiEnvironment(dataApi.url, databaseName),
        APPSYNC_GRAPHQL_URL: `${http.url}${Routes.GRAPHQL}`,
        // Over --https the functions' SDK calls to the local Data API and GraphQL must trust the local CA (Lambda sets this variable too).
        ...(tls ? { NODE_EXTRA_CA_CERTS: tls.caFile } : {}),
      },
      // Functions sign as the local IAM principal, so their calls to the IAM-only publish mutations pass.
      credentials: { accessKeyId: auth.iam.accessKeyId, secretAccessKey: auth.iam.secretAccessKey },
      // and in the region the Data API endpoint checks their signatures against.
      region: auth.region,
      logger: (entry) => logger.lambda(entry),
    });
    lambda = lambdaRunner;
    const apiInputs: GraphqlApiInputs = {
      project,
      rootDir: options.rootDir,
      dataSources: { dataApi: { core: dataApiCore, ...dataApi }, lambda: lambdaRunner },
      authenticators: auth.authenticators,
      log: (entry) => logger.operation(entry),
      onOperation: (outcome, state) => realtime.publish(outcome, state),
      requireAllRootResolvers: options.requireAllRootResolvers ?? true,
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    };
    const realtime = createRealtimePlugin({
      pipeline: () => api.pipeline,
      ...(options.realtimeLimits ? { limits: options.realtimeLimits } : {}),
      refuseUpgrade: (request) => screen.refuseUpgrade(request),
      log,
    });
    let api: GraphqlApi = await buildGraphqlApi(apiInputs);
    if (options.watch) {
      watcher = watchProject({
        project,
        rootDir: options.rootDir,
        lambda: lambdaRunner,
        rebuild: async () => {
          api = await buildGraphqlApi(apiInputs);
        },
        log,
      });
    }

    const url = http.url;
    const scheme = tls ? 'https' : 'http';
    const lanUrls = isWildcardHost(options.host) ? lanAddresses().map((address) => `${scheme}://${urlHost(address)}:${http?.port}`) : [];
    const health = {
      graphql: `${url}${Routes.GRAPHQL}`,
      realtime: `${url.replace(/^http/, 'ws')}${Routes.REALTIME}`,
      playground: `${url}${Routes.PLAYGROUND}`,
      userPoolEndpoint: `${url}${Routes.COGNITO_IDP}`,
      dataApi,
      ...(lanUrls.length > 0
        ? {
            lan: lanUrls.map((base) => ({
              graphql: `${base}${Routes.GRAPHQL}`,
              realtime: `${base.replace(/^http/, 'ws')}${Routes.REALTIME}`,
            })),
          }
        : {}),
      ...(tls ? { tls: { caFile: tls.caFile } } : {}),
    };
    const cognitoIdp = await createCognitoIdpPlugin({ pool: auth.userPool, users: project.playground?.users ?? [], dataDir, log });
    // Every service on the one port, in the order a request is offered to them.
    const plugins: LocalPlugin[] = [
      createGraphqlPlugin({ path: Routes.GRAPHQL, api: () => api }),
      realtime,
      createDataApiPlugin({
        path: Routes.DATA_API,
        core: dataApiCore,
        guard: dataApiRequestGuard({ credentials: auth.iam, region: auth.region }),
      }),
      createHealthPlugin(() => health),
      createAuthPlugin(auth),
      // Before the playground: both answer at `/` (sign-in calls are POSTs with X-Amz-Target).
      cognitoIdp,
      createPlaygroundPlugin({
        graphqlPath: Routes.GRAPHQL,
        modes: [...modes],
        apiKey: modes.has('API_KEY') ? apiKey.id : undefined,
        iam: { accessKeyId: auth.iam.accessKeyId, region: auth.region },
        // Listed users sign in through the user pool with their password, as an app does; other names get a minted token.
        users: (project.playground?.users ?? []).map((user) => ({ ...user, password: user.password ?? LocalUserPoolDefaults.PASSWORD })),
        signIn: { path: Routes.COGNITO_IDP, clientId: auth.userPool.clientId },
        examples: project.playground?.examples ?? [],
        ...(project.playground?.welcome ? { welcome: project.playground.welcome } : {}),
        mint: (username, groups) => auth.userPool.mint({ username, groups }),
        sign: ({ url: target, body }) =>
          signAppSyncRequest({
            url: target,
            body,
            headers: { 'content-type': 'application/json' },
            credentials: auth.iam,
            region: auth.region,
          }),
      }),
      createLambdaPlugin(lambdaRunner),
    ];
    for (const plugin of plugins) plugin.attach?.(http.server);
    app = async (request, peer) => {
      for (const plugin of plugins) {
        const response = await plugin.fetch?.(request, peer);
        if (response) return response;
      }
      const path = new URL(request.url).pathname;
      return jsonResponse({ errors: [{ errorType: AppSyncErrorTypes.NOT_FOUND, message: `Nothing is served at ${path}` }] }, 404);
    };
    const schedules = startSchedules({
      schedules: project.manifest.schedules ?? {},
      invoke: (name, event) => lambdaRunner.invoke(name, event),
      log,
      ...(options.schedules ? { options: options.schedules } : {}),
    });
    const server = http;
    const activeWatcher = watcher;
    return {
      url,
      lanUrls,
      ...(tls ? { tls: { caFile: tls.caFile } } : {}),
      apiKey,
      dataApi,
      auth,
      signIn: { endpoint: health.userPoolEndpoint, users: (project.playground?.users ?? []).map((user) => user.username) },
      dataApiCore,
      fetch: (request) =>
        (app as NonNullable<typeof app>)(request, { sourceIp: sourceIpOf(undefined, request.headers.get('x-forwarded-for')) }),
      schedules: { names: schedules.names, run: schedules.run },
      prepareDatabase: () => database.ready(),
      async close() {
        schedules.close();
        await activeWatcher?.close();
        // Upgraded sockets first (the HTTP server does not track them), then the port, then the rest.
        await Promise.all(plugins.filter((plugin) => plugin.attach).map((plugin) => plugin.close?.()));
        await server.close();
        // The Data API plugin closed the served core; the database goes with the preparing one.
        for (const plugin of plugins.filter((candidate) => !candidate.attach)) await plugin.close?.();
        await preparingCore.close();
      },
    };
  } catch (error) {
    await watcher?.close();
    await http?.close();
    await lambda?.close();
    await dataApiCore.close();
    await preparingCore.close();
    throw error;
  }
}
