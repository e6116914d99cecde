/** Errors the offline Lambda runtime throws at its caller (function faults are outcomes, not throws). */

/** The function definitions or runner options are invalid; the message lists every problem. */
export class LambdaConfigError extends Error {
  override readonly name = 'LambdaConfigError';
  constructor(
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid Lambda configuration:\n- ${problems.join('\n- ')}`, options);
  }
}

/** No function of that name is configured (AWS: `ResourceNotFoundException`). */
export class LambdaFunctionNotFoundError extends Error {
  override readonly name = 'LambdaFunctionNotFoundError';
  constructor(readonly functionArn: string) {
    super(`Function not found: ${functionArn}`);
  }
}

/** The runner was closed; it starts no more processes. */
export class LambdaRunnerClosedError extends Error {
  override readonly name = 'LambdaRunnerClosedError';
  constructor() {
    super('The Lambda runner is closed');
  }
}

export { LambdaBuildError } from '../../../platform/lambda/errors.js';
