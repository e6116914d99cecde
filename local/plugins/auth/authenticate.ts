import { UnauthorizedRequestError } from '../shared/errors.js';
import { API_KEY_REFUSED } from './api-key/api-keys.js';
import type { AuthMode, Authenticator, Caller } from './types.js';

/** What the authenticators may look at besides the headers. */
export interface RequestFacts {
  sourceIp: string[];
  body: string;
  url: string;
  method: string;
}

/**
 * Picks the authenticator whose kind of credential the request carries, among the API's modes,
 * and lets it decide; a request with none is refused with AppSync's 401.
 */
export async function authenticate(
  authenticators: readonly Authenticator[],
  defaultMode: AuthMode,
  headers: Headers,
  facts: RequestFacts,
): Promise<Caller> {
  const authenticator = authenticators.find((candidate) => candidate.accepts(headers));
  if (authenticator) return authenticator.authenticate(headers, facts);
  // [inf] AppSync's words for missing credentials depend on the default mode (DECISIONS.md).
  throw new UnauthorizedRequestError(defaultMode === 'API_KEY' ? API_KEY_REFUSED : 'Valid authorization header not provided.');
}
