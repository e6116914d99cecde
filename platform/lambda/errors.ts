/** Errors of bundling a Lambda handler, raised the same way by `cdk synth` and the emulator. */

/** esbuild could not bundle a handler; the message names file, line and column. */
export class LambdaBuildError extends Error {
  override readonly name = 'LambdaBuildError';
  constructor(
    readonly functionName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot build Lambda function "${functionName}": ${message}`, options);
  }
}
