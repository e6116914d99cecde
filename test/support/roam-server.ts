import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roamConfig } from '../../local.config.js';
import type { LocalProjectConfig } from '../../local/config/project.js';
import type { ScheduleOptions } from '../../local/schedules.js';
import { startLocalServer, type LocalServer } from '../../local/server.js';
import type { ApiKey } from '../../local/plugins/auth/index.js';

/** The fixed API key test servers accept. */
export const TEST_API_KEY = 'da2-roamtestroamtestroamtestro';

export interface RoamTestServer {
  server: LocalServer;
  /** POSTs one operation to /graphql with the given headers (the API key when none are given). */
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * Roam's real API offline on a fresh embedded database with a small deterministic seed, for
 * tests that go through the GraphQL endpoint. Set ROAM_TEST_PG_URL-backed servers with `dbUrl`.
 */
export async function startRoamTestServer(
  options: {
    hotels?: number;
    startDate?: string;
    dbUrl?: string;
    manifest?: LocalProjectConfig['manifest'];
    log?: (line: string) => void;
    schedules?: ScheduleOptions;
    https?: boolean;
    additionalApiKeys?: readonly ApiKey[];
  } = {},
): Promise<RoamTestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roam-test-'));
  const roam = roamConfig({
    hotels: options.hotels ?? 40,
    // A year of inventory, as the tests were written for (the npm start default is shorter).
    days: 365,
    seed: 'roam-tests',
    ...(options.startDate ? { startDate: options.startDate } : {}),
  });
  // A partial manifest (while an area is being built) may leave root fields without resolvers.
  const config = options.manifest ? { ...roam, manifest: options.manifest } : roam;
  const server = await startLocalServer(config, {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: TEST_API_KEY,
    ...(options.dbUrl ? { dbUrl: options.dbUrl } : {}),
    ...(options.https ? { https: true } : {}),
    log: options.log ?? (() => {}),
    requireAllRootResolvers: !options.manifest,
    // Scheduled jobs run when a test asks (schedules.run) unless it sets its own timers.
    schedules: options.schedules ?? { enabled: false },
    ...(options.additionalApiKeys ? { additionalApiKeys: options.additionalApiKeys } : {}),
  });
  // Migrated and seeded before the tests run, as npm start has it before its banner (the
  // server itself would do it on the first statement, inside some test's deadline).
  await server.prepareDatabase();
  return {
    server,
    async graphql(query, variables = {}, headers = { 'x-api-key': TEST_API_KEY }) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
