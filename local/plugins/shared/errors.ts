import { AppSyncErrorTypes } from './error-types.js';

/** A request AppSync refuses before running any GraphQL: answered with `status` and one error entry. */
export class AppSyncHttpError extends Error {
  override readonly name: string = 'AppSyncHttpError';
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** 400: an empty or unparseable body. */
export class MalformedRequestError extends AppSyncHttpError {
  override readonly name = 'MalformedRequestError';
  constructor(message: string, options?: ErrorOptions) {
    super(400, AppSyncErrorTypes.MALFORMED_REQUEST, message, options);
  }
}

/** 401: missing, wrong or expired credentials. */
export class UnauthorizedRequestError extends AppSyncHttpError {
  override readonly name = 'UnauthorizedRequestError';
  constructor(message: string, options?: ErrorOptions) {
    super(401, AppSyncErrorTypes.UNAUTHORIZED_REQUEST, message, options);
  }
}
