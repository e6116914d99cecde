import type { CognitoErrors } from './constants.js';

type CognitoErrorName = (typeof CognitoErrors)[keyof typeof CognitoErrors];

/** A refusal in Cognito's own terms: its exception name (`__type`) and message, HTTP 400 as Cognito answers. */
export class CognitoError extends Error {
  override readonly name = 'CognitoError';
  constructor(
    readonly type: CognitoErrorName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
