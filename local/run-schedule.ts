/**
 * Runs one of the manifest's schedules once, now: what `npm run jobs -- NAME` does. The embedded
 * database's folder can be open in one process only, so:
 * - when a server answers at `url` (its /health), the schedule's function runs here against that
 *   server's Data API and GraphQL endpoint, signed with the local IAM credentials, as the server
 *   itself would run it;
 * - otherwise the server is started here on the data folder (or `dbUrl`) without a port anyone
 *   else uses and without timers, the schedule runs, and the server stops.
 * Generic: it knows schedules and functions, not what they do.
 */
import type { LocalProjectConfig } from './config/project.js';
import { localIamCredentials } from './plugins/auth/index.js';
import { createLambdaRunner, lambdaDefinitionsFromManifest, type LambdaInvokeOutcome } from './plugins/lambda/index.js';
import { UnknownScheduleError } from './schedules.js';
import { startLocalServer } from './server.js';

export interface RunScheduleOptions {
  readonly rootDir: string;
  /** A running server to go through, e.g. http://127.0.0.1:4000. */
  readonly url: string;
  /** The data folder to open when no server answers. */
  readonly dataDir: string;
  readonly dbUrl?: string;
  readonly iamAccessKeyId?: string;
  readonly iamSecretAccessKey?: string;
  /** Progress and the function's log lines. */
  readonly log: (line: string) => void;
}

/** How it ran and what the function returned. */
export interface ScheduleRun {
  readonly via: 'running server' | 'data folder';
  readonly outcome: LambdaInvokeOutcome;
}

interface Health {
  status: string;
  graphql: string;
  dataApi: { url: string; resourceArn: string; secretArn: string; database: string };
}

async function runningServer(url: string): Promise<Health | null> {
  try {
    const response = await fetch(`${url.replace(/\/$/, '')}/health`, { signal: AbortSignal.timeout(2_000) });
    const health = (await response.json()) as Partial<Health>;
    return response.ok && health.status === 'ready' && health.dataApi && health.graphql ? (health as Health) : null;
  } catch {
    return null;
  }
}

/** Runs schedule `name` of `project` once. */
export async function runScheduleOnce(project: LocalProjectConfig, name: string, options: RunScheduleOptions): Promise<ScheduleRun> {
  const schedules = project.manifest.schedules ?? {};
  const schedule = schedules[name];
  if (!schedule) throw new UnknownScheduleError(`No schedule ${name}; the schedules are ${Object.keys(schedules).join(', ') || 'none'}`);
  const fn = project.manifest.lambdaFunctions[schedule.function];
  if (!fn) throw new UnknownScheduleError(`Schedule ${name} names the undeclared function ${schedule.function}`);
  const iam = localIamCredentials({
    ...(options.iamAccessKeyId ? { accessKeyId: options.iamAccessKeyId } : {}),
    ...(options.iamSecretAccessKey ? { secretAccessKey: options.iamSecretAccessKey } : {}),
  });

  const health = await runningServer(options.url);
  if (health) {
    options.log(`Running ${name} through the server at ${options.url}`);
    const runner = createLambdaRunner({
      functions: lambdaDefinitionsFromManifest({ [schedule.function]: fn }, options.rootDir),
      extraEnvironment: {
        AWS_ENDPOINT_URL_RDS_DATA: health.dataApi.url,
        RDS_DATA_API_ENDPOINT: health.dataApi.url,
        RDS_RESOURCE_ARN: health.dataApi.resourceArn,
        RDS_SECRET_ARN: health.dataApi.secretArn,
        RDS_DATABASE: health.dataApi.database,
        APPSYNC_GRAPHQL_URL: health.graphql,
      },
      credentials: { accessKeyId: iam.accessKeyId, secretAccessKey: iam.secretAccessKey },
      logger: (entry) => options.log(`[${entry.functionName}] ${entry.line}`),
    });
    try {
      return { via: 'running server', outcome: await runner.invoke(schedule.function, schedule.input ?? {}) };
    } finally {
      await runner.close();
    }
  }

  options.log(`No server at ${options.url}: opening ${options.dbUrl ? 'the database' : options.dataDir} to run ${name}`);
  const server = await startLocalServer(project, {
    rootDir: options.rootDir,
    dataDir: options.dataDir,
    ...(options.dbUrl ? { dbUrl: options.dbUrl } : {}),
    port: 0,
    host: '127.0.0.1',
    iamAccessKeyId: iam.accessKeyId,
    iamSecretAccessKey: iam.secretAccessKey,
    watch: false,
    schedules: { enabled: false },
    log: options.log,
  });
  try {
    return { via: 'data folder', outcome: await server.schedules.run(name) };
  } finally {
    await server.close();
  }
}
