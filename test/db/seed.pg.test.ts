import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate/index.js';
import { seed } from '../../db/seed/index.js';
import { tableDigests } from './seed-checks.js';
import { describeSeed, SMALL } from './seed-suite.js';
import { pgliteTarget, postgresTarget, type TestTarget } from './targets.js';

describeSeed('PostgreSQL', postgresTarget);

describe('seed across engines', () => {
  const opened: TestTarget[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
  });

  it('writes the same rows on PostgreSQL as on PGlite', async () => {
    const digests = [];
    for (const open of [postgresTarget, pgliteTarget]) {
      const db = await open();
      opened.push(db);
      await migrate(db.target);
      await seed(db.target, SMALL);
      digests.push(await tableDigests(db.target));
    }

    expect(digests[0]).toEqual(digests[1]);
  });
});
