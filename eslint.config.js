// Lint setup: typescript-eslint everywhere; AppSync's own rules on the APPSYNC_JS resolver files,
// which run in AppSync's restricted JavaScript subset and must not use what it refuses.
import js from '@eslint/js';
import appsync from '@aws-appsync/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const appsyncJsFiles = ['resolvers/js/**/*.ts', 'resolvers/functions/**/*.ts'];

// The layers (README "Layout"): platform/ is what AppSync, Lambda and the Data API accept, and
// both twins stand on it; local/ is the generic emulator and knows no project; Roam's code
// (resolvers/, db/, infra/, client/) never reaches into the emulator, so what is deployed cannot
// depend on it. Only the configuration files, bench/ and the tests may import local/.
const up = '^(\\.\\.?/)+';
const roamCode = `${up}(resolvers|db|infra|client|bench|test|api\\.config|local\\.config)(/|\\.|$)`;
const layerRule = (...forbidden) => ({
  'no-restricted-imports': ['error', { patterns: forbidden.map(([regex, message]) => ({ regex, message })) }],
});
const boundaries = [
  {
    files: ['platform/**/*.ts'],
    rules: layerRule(
      [`${up}local(/|$)`, 'platform/ is below the emulator: move what both need into platform/.'],
      [roamCode, 'platform/ knows no project: take what you need as a parameter.'],
    ),
  },
  {
    files: ['local/**/*.ts'],
    rules: layerRule([roamCode, 'The emulator is generic: a project reaches it only through its configuration.']),
  },
  {
    files: ['resolvers/**/*.ts', 'db/**/*.ts', 'infra/**/*.ts', 'client/**/*.ts', 'scripts/**/*.ts', 'api.config.ts', 'codegen.ts'],
    rules: layerRule([`${up}local(/|\\.config|$)`, 'Deployed code and the CDK app never import the emulator: use platform/.']),
  },
];

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
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
      ],
    },
  },
  ...boundaries,
  {
    ...appsync.configs.recommended,
    files: appsyncJsFiles,
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
);
