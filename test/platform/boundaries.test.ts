/**
 * The layer boundaries hold: ESLint refuses an import that crosses one (fixtures that break each
 * rule on purpose), and the code as it stands crosses none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const FIXTURES = join(process.cwd(), 'test/fixtures/boundaries');
const eslint = new ESLint({ cwd: process.cwd() });

function fixtures(): { name: string; path: string; code: string }[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => {
      const code = readFileSync(join(FIXTURES, file), 'utf8');
      const path = /^\/\/ as: (\S+)/.exec(code)?.[1] ?? '';
      return { name: file, path, code };
    });
}

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(process.cwd(), filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layer boundaries', () => {
  it.each(fixtures())('refuses $name', async ({ path, code }) => {
    // Prepare
    expect(path).not.toBe('');

    // Act
    const messages = await restrictedImports(code, path);

    // Assess
    expect(messages).toHaveLength(1);
  });

  it('lets each layer import what it stands on', async () => {
    const allowed = [
      {
        path: 'infra/build/ok.ts',
        code: "import { bundleLambda } from '../../platform/lambda/bundle.js';\nexport const b = bundleLambda;\n",
      },
      {
        path: 'local/plugins/lambda/ok.ts',
        code: "import { bundleLambda } from '../../../platform/lambda/bundle.js';\nexport const b = bundleLambda;\n",
      },
      {
        path: 'local.config.ts',
        code: "import { defineLocalConfig } from './local/config/project.js';\nexport const d = defineLocalConfig;\n",
      },
    ];

    for (const { path, code } of allowed) expect(await restrictedImports(code, path)).toEqual([]);
  });

  it('finds no import of the emulator in deployed code, the CDK app or the client', () => {
    const grep = (dir: string): string[] =>
      readdirSync(join(process.cwd(), dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .filter((file) => /from '(\.\.\/)+local\//.test(readFileSync(join(process.cwd(), dir, file), 'utf8')))
        .map((file) => `${dir}/${file}`);

    expect(['infra', 'db', 'resolvers', 'client', 'platform'].flatMap(grep)).toEqual([]);
  });
});
