/**
 * The error a resolver raises when its Data API call failed. PostgreSQL's own words (constraint
 * names, byte sequences) mean nothing to a client; the few failures a client can cause get the
 * errorType it can act on, the rest keep the Data API's message and type.
 */
import { util } from '@aws-appsync/utils';
import { ErrorTypes } from './constants.js';

/** The SQLSTATE the Data API appends to a DatabaseErrorException (`…; SQLState: 23505`), or ''. */
function sqlStateOf(message: string): string {
  const at = message.lastIndexOf('SQLState: ');
  return at < 0 ? '' : message.substring(at + 10, at + 15);
}

/** Raises the client-facing error for a failed Data API call (`ctx.error`). */
export function databaseError(error: { message: string; type: string }): never {
  const state = sqlStateOf(error.message);
  // 22021: "invalid byte sequence for encoding UTF8: 0x00", PostgreSQL text cannot hold NUL.
  if (state === '22021' || state === '22P05') {
    return util.error('Text must not contain NUL characters (\\u0000)', ErrorTypes.VALIDATION);
  }
  if (state === '23505' && error.message.indexOf('email') >= 0) {
    return util.error('This email address already belongs to another account', ErrorTypes.CONFLICT);
  }
  return util.error(error.message, error.type);
}
