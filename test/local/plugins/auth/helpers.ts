import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signAppSyncRequest } from '../../../../local/plugins/auth/index.js';
import { startLocalServer, type LocalServer } from '../../../../local/server.js';
import { authApi } from '../../../fixtures/apis/auth/config.js';

export const API_KEY = 'da2-authfixtureauthfixtureaut';

/** The auth fixture API on a free port, with its own data folder; `stop` removes both. */
export async function startAuthServer(): Promise<{ server: LocalServer; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roam-auth-'));
  const server = await startLocalServer(authApi, {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    log: () => {},
  });
  return {
    server,
    dataDir,
    stop: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface GraphqlReply {
  status: number;
  headers: Headers;
  body: any;
}

/** POSTs a query to /graphql with the given headers. */
export async function postGraphql(server: LocalServer, query: string, headers: Record<string, string>): Promise<GraphqlReply> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Sends `body` to /graphql signed with SigV4; `tamper` may change the headers or body after signing. */
export async function postSigned(
  server: LocalServer,
  query: string,
  options: {
    secretAccessKey?: string;
    accessKeyId?: string;
    region?: string;
    signingDate?: Date;
    tamper?: (signed: { headers: Record<string, string>; body: string }) => void;
  } = {},
): Promise<GraphqlReply> {
  const body = JSON.stringify({ query });
  const headers = await signAppSyncRequest({
    url: `${server.url}/graphql`,
    body,
    headers: { 'content-type': 'application/json' },
    credentials: {
      accessKeyId: options.accessKeyId ?? server.auth.iam.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? server.auth.iam.secretAccessKey,
    },
    region: options.region ?? server.auth.region,
    ...(options.signingDate ? { signingDate: options.signingDate } : {}),
  });
  const signed = { headers, body };
  options.tamper?.(signed);
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: signed.headers, body: signed.body });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The caller as the `whoami` fixture resolver saw it. */
export function whoami(reply: GraphqlReply): { identity: any; authType: string } {
  return JSON.parse(reply.body.data.whoami);
}
