/**
 * The migration custom resource's Lambda, tested as deployed: the bundle the CDK app ships
 * (db/deploy/migrate-lambda.ts plus db/migrations, built by infra/build), run against the
 * offline Data API over HTTP with the unmodified AWS SDK, the database starting auto-paused so
 * the first call fails with DatabaseResumingException and must be retried.
 */
import { mkdir, mkdtemp, rm, writeFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveNodeHttp, type NodeHttpServer } from '../../local/adapters/node-http.js';
import {
  createDataApiCore,
  createDataApiHandler,
  createPgliteBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type DataApiCore,
} from '../../local/plugins/data-api/index.js';
import { bundleMigrationLambda, type MigrationAsset } from '../../infra/build/index.js';
import type { CustomResourceEvent, CustomResourceResponse } from '../../db/deploy/index.js';
import { ROOT_DIR } from './support/synth.js';

type Handler = (event: CustomResourceEvent) => Promise<CustomResourceResponse>;

/** Bundles the migration Lambda under node_modules (so its external `@aws-sdk/*` imports resolve) and imports it. */
async function loadBundledHandler(migrationsDir: string, name: string): Promise<{ handler: Handler; asset: MigrationAsset }> {
  const outDir = path.join(ROOT_DIR, 'node_modules', '.cache', 'roam-cdk-test', 'migrate', name);
  const asset = await bundleMigrationLambda(ROOT_DIR, migrationsDir, outDir);
  const module = (await import(pathToFileURL(path.join(asset.directory, 'index.mjs')).href)) as { handler: Handler };
  return { handler: module.handler, asset };
}

/** A Data API endpoint over a fresh PGlite database, paused until its first call starts a 300 ms resume. */
async function startPausedDataApi(): Promise<{ core: DataApiCore; server: NodeHttpServer }> {
  const core = createDataApiCore({ backend: createPgliteBackend(), autoPause: { idleMs: 60 * 60_000, resumeMs: 300, startPaused: true } });
  const server = await serveNodeHttp(createDataApiHandler(core));
  return { core, server };
}

const create: CustomResourceEvent = { RequestType: 'Create', ResourceProperties: {} };

/** What the Lambda wrote (Powertools logs and metrics go to stdout and stderr). */
let output: string[] = [];
const capture = (chunk: string | Uint8Array) => {
  output.push(String(chunk));
  return true;
};
const env = { ...process.env };
beforeAll(() => {
  // Powertools reads these when the bundle is imported, as in Lambda where they are set first.
  Object.assign(process.env, {
    POWERTOOLS_SERVICE_NAME: 'roam-test-migrate',
    POWERTOOLS_METRICS_NAMESPACE: 'roam/test',
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => {
  output = [];
  process.env = {
    ...env,
    POWERTOOLS_SERVICE_NAME: 'roam-test-migrate',
    POWERTOOLS_METRICS_NAMESPACE: 'roam/test',
    POWERTOOLS_TRACE_ENABLED: 'false',
  };
});
afterAll(() => vi.restoreAllMocks());

function pointLambdaAt(server: NodeHttpServer): void {
  Object.assign(process.env, {
    RDS_RESOURCE_ARN: DEFAULT_RESOURCE_ARN,
    RDS_SECRET_ARN: DEFAULT_SECRET_ARN,
    RDS_DATABASE: 'postgres',
    RDS_DATA_API_ENDPOINT: server.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALFAKE',
    AWS_SECRET_ACCESS_KEY: 'local-fake-secret',
  });
}

describe('migration custom resource handler', () => {
  it('waits out a resume, applies every migration on Create, and nothing more on Update', async () => {
    const { handler, asset } = await loadBundledHandler(path.join(ROOT_DIR, 'db/migrations'), 'repo');
    const { core, server } = await startPausedDataApi();
    try {
      pointLambdaAt(server);
      const created = await handler(create);
      expect(created.Data).toMatchObject({ Applied: asset.migrationCount, AlreadyApplied: 0 });
      expect(created.PhysicalResourceId).toBe(`${DEFAULT_RESOURCE_ARN}/postgres/migrations`);
      const logs = output.join('');
      expect(logs).toMatch(/"level":"WARN","message":"database is resuming; retrying"/);
      expect(logs).toMatch(/"service":"roam-test-migrate"/);
      expect(logs).toMatch(/"MigrationsApplied":\d+/);

      const updated = await handler({ RequestType: 'Update', PhysicalResourceId: created.PhysicalResourceId, ResourceProperties: {} });
      expect(updated).toEqual({ ...created, Data: { ...created.Data, Applied: 0, AlreadyApplied: asset.migrationCount } });

      const tables = await core.executeStatement({
        resourceArn: DEFAULT_RESOURCE_ARN,
        secretArn: DEFAULT_SECRET_ARN,
        sql: "SELECT count(*) FROM information_schema.tables WHERE table_name = 'hotels'",
      });
      expect(tables.records?.[0]?.[0]?.longValue).toBe(1);
    } finally {
      await server.close();
      await core.close();
    }
  });

  it('fails the deploy when a migration fails, leaving the failed migration unapplied', async () => {
    const dir = await mkdtemp(path.join(ROOT_DIR, 'node_modules', '.cache', 'roam-migrations-'));
    try {
      const sources = (await readdir(path.join(ROOT_DIR, 'db/migrations')))
        .filter((f) => f.endsWith('.sql'))
        .sort()
        .slice(0, 1);
      await mkdir(dir, { recursive: true });
      for (const file of sources) await writeFile(path.join(dir, file), await readFile(path.join(ROOT_DIR, 'db/migrations', file), 'utf8'));
      await writeFile(path.join(dir, '9000_broken.sql'), 'CREATE TABLE broken_one (id int);\nSELECT * FROM table_that_does_not_exist;\n');
      const { handler } = await loadBundledHandler(dir, 'broken');
      const { core, server } = await startPausedDataApi();
      try {
        pointLambdaAt(server);
        await expect(handler(create)).rejects.toThrow(/Migration 9000_broken failed at statement 2 of 2 and was rolled back/);
        const left = await core.executeStatement({
          resourceArn: DEFAULT_RESOURCE_ARN,
          secretArn: DEFAULT_SECRET_ARN,
          sql: "SELECT to_regclass('broken_one') IS NULL",
        });
        expect(left.records?.[0]?.[0]?.booleanValue).toBe(true);
      } finally {
        await server.close();
        await core.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does nothing on Delete: removing the stack never undoes migrations', async () => {
    const { handler } = await loadBundledHandler(path.join(ROOT_DIR, 'db/migrations'), 'repo');
    const { core, server } = await startPausedDataApi();
    try {
      pointLambdaAt(server);
      const deleted = await handler({ RequestType: 'Delete', PhysicalResourceId: 'some-id' });
      expect(deleted).toEqual({ PhysicalResourceId: 'some-id' });
      // The database was never called: it is still paused, so this first call is refused.
      await expect(
        core.executeStatement({ resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN, sql: 'SELECT 1' }),
      ).rejects.toThrow(/resuming/);
    } finally {
      await server.close();
      await core.close();
    }
  });
});
