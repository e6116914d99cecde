import { randomBytes } from 'node:crypto';
import { createPgliteBackend, createPostgresBackend, type DatabaseBackend } from '../../../../../local/plugins/data-api/index.js';

/** How a shared suite gets a fresh backend of one kind. */
export interface BackendFixture {
  kind: 'pglite' | 'postgres';
  create(): DatabaseBackend;
}

export const pgliteFixture: BackendFixture = { kind: 'pglite', create: () => createPgliteBackend() };

/** The PostgreSQL server named by ROAM_TEST_PG_URL (the `*.pg.test.ts` files need it). */
export function postgresFixture(): BackendFixture {
  const url = process.env.ROAM_TEST_PG_URL;
  if (!url) throw new Error('ROAM_TEST_PG_URL is not set: the *.pg.test.ts files need a PostgreSQL database');
  return { kind: 'postgres', create: () => createPostgresBackend({ url }) };
}

/** A schema name of our own, so runs against a shared server never collide. */
export function uniqueSchema(prefix = 'dapi'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
