import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer, type LocalServer, type StartOptions } from '../../../../../local/server.js';
import { realtimeApi } from '../../../../fixtures/apis/realtime/config.js';

export const API_KEY = 'da2-realtimefixturerealtimefix';

/** The realtime fixture API served offline, with its log lines kept for assertions. */
export interface RealtimeFixtureServer {
  server: LocalServer;
  logs: string[];
  /** POSTs a GraphQL request with the API key (or the given headers). */
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<any>;
  stop(): Promise<void>;
}

export async function startRealtimeFixture(
  realtimeLimits?: StartOptions['realtimeLimits'],
  extra: Partial<Pick<StartOptions, 'https' | 'host'>> = {},
): Promise<RealtimeFixtureServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roam-realtime-'));
  const logs: string[] = [];
  const server = await startLocalServer(realtimeApi, {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    log: (line) => logs.push(line),
    ...(realtimeLimits ? { realtimeLimits } : {}),
    ...extra,
  });
  return {
    server,
    logs,
    async graphql(query, variables = {}, headers = { 'x-api-key': API_KEY }) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The handshake and per-operation auth headers for the API key. */
export function apiKeyHeaders(server: LocalServer, key = API_KEY): Record<string, string> {
  return { host: new URL(server.url).host, 'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d+/g, ''), 'x-api-key': key };
}
