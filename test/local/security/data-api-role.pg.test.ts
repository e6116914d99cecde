import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate/migrate.js';
import { DatabaseError, DEFAULT_RESOURCE_ARN, DEFAULT_SECRET_ARN } from '../../../local/plugins/data-api/index.js';
import { postgresTarget, type TestTarget } from '../../db/targets.js';

let database: TestTarget;
const run = (sql: string) =>
  database.target.api.executeStatement({ resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN, sql, formatRecordsAs: 'JSON' });

beforeAll(async () => {
  database = await postgresTarget();
});

afterAll(async () => {
  await database?.close();
});

describe('The Data API on PostgreSQL runs as a role that is not a superuser', () => {
  it('connects as roam_data_api, without superuser rights', async () => {
    const output = await run('select current_user as who, rolsuper as superuser from pg_roles where rolname = current_user');
    expect(JSON.parse(output.formattedRecords ?? '[]')).toEqual([{ who: 'roam_data_api', superuser: false }]);
  });

  it('refuses COPY … TO PROGRAM with a Data API error', async () => {
    const failure = await run("copy (select 1) to program 'touch /tmp/roam-data-api-role-escaped'").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseError);
    expect((failure as DatabaseError).message).toMatch(/permission denied|must be superuser|pg_execute_server_program/);
  });

  it('can still run every migration', async () => {
    const result = await migrate(database.target);
    expect(result.applied.length).toBeGreaterThan(5);
  });
});
