/** What a Lambda bundle is built for: the deployed runtime, shared by the CDK app and the emulator. */

/** The deployed runtime we build for and describe in `AWS_EXECUTION_ENV`. */
export const LambdaRuntime = {
  ID: 'nodejs22.x',
  EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  ESBUILD_TARGET: 'node22',
  VERSION: '$LATEST',
} as const;
