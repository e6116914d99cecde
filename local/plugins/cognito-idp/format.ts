import { CognitoWire } from './constants.js';
import { CognitoError } from './errors.js';

/** A successful answer: the operation's output as JSON 1.1. */
export function cognitoResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': CognitoWire.CONTENT_TYPE } });
}

/**
 * An error as Cognito sends it: 400, `{ "__type": "NotAuthorizedException", "message": "…" }` and the
 * same name in `x-amzn-ErrorType`, which the AWS SDK and Amplify read. Anything that is not a
 * CognitoError is masked as an internal error (500), as the service would.
 */
export function cognitoErrorResponse(error: unknown): Response {
  const known = error instanceof CognitoError;
  const type = known ? error.type : 'InternalErrorException';
  const message = known ? error.message : 'An internal error occurred in the local user pool.';
  return new Response(JSON.stringify({ __type: type, message }), {
    status: known ? 400 : 500,
    headers: { 'content-type': CognitoWire.CONTENT_TYPE, [CognitoWire.ERROR_TYPE_HEADER]: `${type}:` },
  });
}
