import { beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode, runUnitResolver, type ResolverCode } from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

let tour: ResolverCode;
beforeAll(async () => {
  tour = await loadResolverCode(fixture('unit/runtime-tour.ts'));
});

describe('our @aws-appsync/utils runtime inside the sandbox', () => {
  it('serves util, util.time with zones, util.str, util.math and the rds builders to resolver code', async () => {
    const resolution = await runUnitResolver(tour, fieldContext({ id: 'h12' }), noneDataSource(), resolveOptions());
    expect(resolution.errors).toEqual([]);
    const value = resolution.value as Record<string, unknown>;
    expect(value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(value.ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(Date.parse(value.nowIso as string)).not.toBeNaN();
    expect(value).toMatchObject({
      formatted: '1970-01-01 05:30',
      base64: 'cm9hbQ==',
      normalized: '\u00e9',
      matches: true,
      rounded: 3,
      rows: [[{ id: 'h1' }]],
    });
    expect(value.statement).toMatchObject({ statements: [expect.stringContaining('SELECT "id" FROM "hotel" WHERE "id" = :P0')] });
  });
});
