import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createDataApiCore,
  createPgliteBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
} from '../../../../local/plugins/data-api/index.js';
import { templateDir } from '../../../../local/plugins/data-api/backends/pglite-template.js';

const arns = { resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN };

describe('PGlite backend with a data folder', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('creates the folder (parents included) and keeps committed data across a close and a reopen', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'roam-pglite-')), 'nested', 'pglite');
    folders.push(join(dataDir, '..', '..'));

    const first = createDataApiCore({ backend: createPgliteBackend({ dataDir }) });
    await first.executeStatement({ ...arns, sql: 'create table notes (body text)' });
    await first.executeStatement({
      ...arns,
      sql: 'insert into notes values (:body)',
      parameters: [{ name: 'body', value: { stringValue: 'kept' } }],
    });
    const { transactionId } = await first.beginTransaction(arns);
    await first.executeStatement({ ...arns, transactionId, sql: "insert into notes values ('never committed')" });
    await first.close(); // rolls back the open transaction

    const second = createDataApiCore({ backend: createPgliteBackend({ dataDir }) });
    const out = await second.executeStatement({ ...arns, sql: 'select body from notes' });
    await second.close();
    expect(out.records).toEqual([[{ stringValue: 'kept' }]]);
  });

  it('starts each new folder as its own copy of the cached fresh cluster', async () => {
    const root = await mkdtemp(join(tmpdir(), 'roam-pglite-'));
    folders.push(root);
    const one = createDataApiCore({ backend: createPgliteBackend({ dataDir: join(root, 'one') }) });
    await one.executeStatement({ ...arns, sql: 'create table only_in_one (id int)' });
    await one.close();

    expect(existsSync(join(templateDir(), 'PG_VERSION'))).toBe(true);
    const two = createDataApiCore({ backend: createPgliteBackend({ dataDir: join(root, 'two') }) });
    const tables = await two.executeStatement({ ...arns, sql: "select count(*) from pg_tables where tablename = 'only_in_one'" });
    await two.close();
    expect(tables.records).toEqual([[{ longValue: 0 }]]);
  });
});
