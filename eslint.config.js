// Lint setup: typescript-eslint everywhere; AppSync's own rules on the APPSYNC_JS resolver files,
// which run in AppSync's restricted JavaScript subset and must not use what it refuses.
import js from '@eslint/js';
import appsync from '@aws-appsync/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const appsyncJsFiles = ['resolvers/js/**/*.ts', 'resolvers/functions/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'cdk.out/', '.data/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests build deliberately broken inputs, which `any` expresses most plainly.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-properties': ['error', { object: 'it', property: 'only' }, { object: 'it', property: 'skip' }, { object: 'describe', property: 'only' }, { object: 'describe', property: 'skip' }, { object: 'test', property: 'only' }, { object: 'test', property: 'skip' }] },
  },
  {
    ...appsync.configs.recommended,
    files: appsyncJsFiles,
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
);
