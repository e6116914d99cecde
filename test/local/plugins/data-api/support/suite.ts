import { afterAll, beforeAll } from 'vitest';
import type { DatabaseBackend } from '../../../../../local/plugins/data-api/index.js';
import { uniqueSchema, type BackendFixture } from './backends.js';
import { startDataApi, type RunningDataApi } from './server.js';

/** What each group of shared cases gets: one backend, one endpoint, and a schema of its own. */
export interface SuiteContext {
  kind: BackendFixture['kind'];
  backend: DatabaseBackend;
  /** The endpoint with default options. */
  dataApi: RunningDataApi;
  /** A schema created for this suite (dropped at the end). */
  schema: string;
  /** Runs SQL through the SDK with the default ARNs. */
  sql(sql: string): Promise<void>;
}

/**
 * Sets up one backend and endpoint per test file (PGlite takes seconds to start) and hands the
 * cases a context that is filled in `beforeAll`.
 */
export function useSuite(fixture: BackendFixture): SuiteContext {
  const context = { kind: fixture.kind } as SuiteContext;
  beforeAll(async () => {
    context.backend = fixture.create();
    context.dataApi = await startDataApi(context.backend);
    context.schema = uniqueSchema();
    context.sql = async (sql) => {
      await context.dataApi.api.executeStatement({ ...context.dataApi.arns, sql });
    };
    await context.sql(`create schema ${context.schema}`);
  });
  afterAll(async () => {
    await context.sql(`drop schema ${context.schema} cascade`).catch(() => undefined);
    await context.dataApi.close();
    await context.backend.close();
  });
  return context;
}
