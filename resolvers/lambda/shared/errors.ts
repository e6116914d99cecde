import { ErrorType } from './constants.js';

/** A failure the caller caused or can act on; crosses to AppSync as `{ error: { message, type, info } }`. */
export class BusinessError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly info?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'BusinessError';
  }
}

/** Bad input: the field's `ValidationError`. */
export class ValidationError extends BusinessError {
  constructor(message: string) {
    super(ErrorType.VALIDATION, message);
    this.name = 'ValidationError';
  }
}

/** Something named by the input does not exist (or is not the caller's). */
export class NotFoundError extends BusinessError {
  constructor(message: string) {
    super(ErrorType.NOT_FOUND, message);
    this.name = 'NotFoundError';
  }
}

/** A night of the stay has no room left. */
export class SoldOutError extends BusinessError {
  constructor(message = 'The room type is sold out on at least one night of the stay') {
    super(ErrorType.SOLD_OUT, message);
    this.name = 'SoldOutError';
  }
}

/** The caller may not do this (back office fields called without the partners group or IAM). */
export class UnauthorizedError extends BusinessError {
  constructor(message: string) {
    super(ErrorType.UNAUTHORIZED, message);
    this.name = 'UnauthorizedError';
  }
}
