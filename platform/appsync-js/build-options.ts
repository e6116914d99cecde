import type { BuildOptions } from 'esbuild';

/**
 * esbuild options that turn one resolver or function source file into the code AppSync receives:
 * one ES module, `@aws-appsync/utils*` left as imports (AppSync provides them), everything else
 * bundled in, inline source map without sources (AWS's own recommendation, "Bundling, TypeScript,
 * and source maps for the APPSYNC_JS runtime"). The CDK deploy uses these options verbatim, so
 * what runs offline is what is deployed. Add `entryPoints` and either `outfile` or `write: false`.
 */
export const appsyncJsBuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'esnext',
  external: ['@aws-appsync/utils', '@aws-appsync/utils/*'],
  sourcemap: 'inline',
  sourcesContent: false,
  minify: false,
  treeShaking: true,
  logLevel: 'silent',
} as const satisfies BuildOptions;
