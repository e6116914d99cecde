import { describe, expect, it } from 'vitest';
import { MigrationFileError, planMigrations, prepareMigrations } from '../../db/migrate/index.js';
import { describeMigrations } from './migrate-suite.js';
import { pgliteTarget } from './targets.js';

describeMigrations('PGlite', pgliteTarget);

describe('preparing migration files', () => {
  it('splits a file into statements and checksums it independently of line endings', async () => {
    const [unix] = await prepareMigrations([{ fileName: '0001_a.sql', sql: 'SELECT 1;\n-- x; y\nSELECT $$a;b$$;\n' }]);
    const [windows] = await prepareMigrations([{ fileName: '0001_a.sql', sql: 'SELECT 1;\r\n-- x; y\r\nSELECT $$a;b$$;\r\n' }]);

    expect(unix?.statements).toEqual(['SELECT 1', '-- x; y\nSELECT $$a;b$$']);
    expect(unix?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(windows?.checksum).toBe(unix?.checksum);
  });

  it('refuses badly named, duplicate-numbered and empty files', async () => {
    await expect(prepareMigrations([{ fileName: 'add-users.sql', sql: 'SELECT 1' }])).rejects.toThrow(MigrationFileError);
    await expect(
      prepareMigrations([
        { fileName: '0001_a.sql', sql: 'SELECT 1' },
        { fileName: '0001_b.sql', sql: 'SELECT 2' },
      ]),
    ).rejects.toThrow(/0001_a.sql and 0001_b.sql share the number 0001/);
    await expect(prepareMigrations([{ fileName: '0001_a.sql', sql: '-- nothing\n' }])).rejects.toThrow(/has no statements/);
  });

  it('plans the pending migrations in name order', async () => {
    const files = await prepareMigrations([
      { fileName: '0002_b.sql', sql: 'SELECT 2' },
      { fileName: '0001_a.sql', sql: 'SELECT 1' },
      { fileName: '0003_c.sql', sql: 'SELECT 3' },
    ]);

    const pending = planMigrations([{ name: '0001_a', checksum: files[0]?.checksum ?? '' }], files);

    expect(pending.map((migration) => migration.name)).toEqual(['0002_b', '0003_c']);
  });
});
