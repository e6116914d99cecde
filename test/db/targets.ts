/**
 * Test databases behind the real offline Data API core: an in-memory PGlite, or a fresh
 * database on the PostgreSQL server of ROAM_TEST_PG_URL (created per call, dropped on close),
 * so tests never share state.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createDataApiCore,
  createPgliteBackend,
  createPostgresBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
} from '../../local/plugins/data-api/index.js';
import type { DataApiTarget } from '../../platform/data-api/types.js';

export interface TestTarget {
  target: DataApiTarget;
  close(): Promise<void>;
}

/** A Data API target on a new in-memory PGlite database. */
export function pgliteTarget(): TestTarget {
  const core = createDataApiCore({ backend: createPgliteBackend() });
  return { target: wrap(core), close: () => core.close() };
}

/** A Data API target on a new database of the PostgreSQL server named by ROAM_TEST_PG_URL. */
export async function postgresTarget(): Promise<TestTarget> {
  const serverUrl = process.env.ROAM_TEST_PG_URL;
  if (!serverUrl) throw new Error('ROAM_TEST_PG_URL is not set: point it at a PostgreSQL database (see .ci/run)');
  const name = `roam_dbtest_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const core = createDataApiCore({ backend: createPostgresBackend({ url: url.toString() }) });
  return {
    target: wrap(core),
    async close() {
      await core.close();
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function wrap(api: DataApiTarget['api']): DataApiTarget {
  return { api, resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs one statement and returns its rows as arrays of plain values. */
export async function query(target: DataApiTarget, sql: string): Promise<unknown[][]> {
  const result = await target.api.executeStatement({ resourceArn: target.resourceArn, secretArn: target.secretArn, sql });
  return (result.records ?? []).map((record) =>
    record.map((field) =>
      field.isNull ? null : (field.stringValue ?? field.longValue ?? field.doubleValue ?? field.booleanValue ?? null),
    ),
  );
}
