import { AppSyncHttpError } from '../shared/errors.js';

/**
 * A SigV4 request refused the way IAM refuses it: HTTP 403 with an IAM error type
 * (`InvalidSignatureException`, `IncompleteSignatureException`, `UnrecognizedClientException`),
 * in AppSync's error body (see DECISIONS.md).
 */
export class SignatureRejectedError extends AppSyncHttpError {
  override readonly name = 'SignatureRejectedError';
  constructor(errorType: string, message: string, options?: ErrorOptions) {
    super(403, errorType, message, options);
  }
}

/** A `--expires-in` or token option that cannot be used. */
export class TokenOptionsError extends Error {
  override readonly name = 'TokenOptionsError';
}
