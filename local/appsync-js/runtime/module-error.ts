/**
 * Errors of the built-in modules. AWS reports a misuse of `@aws-appsync/utils/rds` (and the other
 * built-in modules) with a fixed sentence and no JavaScript error name: `code.js:5:12: 'table' or
 * 'from' key is required.`, not `Error: …`. These errors carry an empty `name`, which the
 * executor reads as "print the message alone".
 */

/** An error whose message is reported as is, without an `Error:` prefix. */
export function moduleError(message: string): Error {
  const error = new Error(message);
  error.name = '';
  return error;
}
