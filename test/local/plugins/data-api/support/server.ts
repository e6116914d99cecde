import { RDSData, RDSDataClient } from '@aws-sdk/client-rds-data';
import { serveNodeHttp, type NodeHttpServer } from '../../../../../local/adapters/node-http.js';
import {
  createDataApiCore,
  createDataApiHandler,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type DataApiCore,
  type DataApiCoreOptions,
  type DatabaseBackend,
} from '../../../../../local/plugins/data-api/index.js';

/** A Data API endpoint on a random port and the unmodified SDK pointed at it. */
export interface RunningDataApi {
  core: DataApiCore;
  server: NodeHttpServer;
  /** The command-style client (`client.send(new ExecuteStatementCommand(...))`). */
  client: RDSDataClient;
  /** The aggregated client (`api.executeStatement(...)`), as kysely-data-api wants it. */
  api: RDSData;
  /** SDK configuration: only the endpoint differs from AWS. */
  sdkConfig: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  arns: { resourceArn: string; secretArn: string };
  close(): Promise<void>;
}

/**
 * Starts a core over `backend` (which the caller keeps and closes) behind the HTTP handler,
 * served by the node adapter, and builds SDK clients for it with fake credentials.
 */
export async function startDataApi(
  backend: DatabaseBackend,
  options: Omit<DataApiCoreOptions, 'backend' | 'closeBackend'> = {},
): Promise<RunningDataApi> {
  const core = createDataApiCore({ ...options, backend, closeBackend: false });
  const server = await serveNodeHttp(createDataApiHandler(core));
  const sdkConfig = {
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'AKIDLOCALFAKE', secretAccessKey: 'local-fake-secret' },
  };
  const client = new RDSDataClient(sdkConfig);
  const api = new RDSData(sdkConfig);
  return {
    core,
    server,
    client,
    api,
    sdkConfig,
    arns: { resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN },
    async close() {
      client.destroy();
      api.destroy();
      await server.close();
      await core.close();
    },
  };
}

/** Polls `probe` until it returns true (bounded), for states another session reaches. */
export async function eventually(probe: () => Promise<boolean>, what: string, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Gave up waiting for ${what}`);
}
