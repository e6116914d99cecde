import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PositionMapper } from '../../../platform/appsync-js/source-map.js';
import { checkLanguageSubsetOnce } from '../../../local/appsync-js/subset-cache.js';

describe('the remembered language-subset check', () => {
  it('checks the same new code twice at once without failing on its own cache write', async () => {
    // Fresh code, so neither call finds it cached and both write the cache file together.
    const code = `export function request(ctx) { return { id: '${randomUUID()}' }; }\nexport function response(ctx) { return ctx.result; }\n`;
    const positions = new PositionMapper(undefined, 'resolver.js', 'resolver.ts');
    await expect(Promise.all([checkLanguageSubsetOnce(code, positions), checkLanguageSubsetOnce(code, positions)])).resolves.toEqual([
      undefined,
      undefined,
    ]);
  });

  it('still refuses code outside the subset', async () => {
    const code = `export function request(ctx) { for (let i = 0; i < 1; i++) {} return {}; }\nexport function response(ctx) { return ctx.result; } // ${randomUUID()}\n`;
    const positions = new PositionMapper(undefined, 'resolver.js', 'resolver.ts');
    await expect(checkLanguageSubsetOnce(code, positions)).rejects.toThrow();
  });
});
