import { randomBytes } from 'node:crypto';
import { UnauthorizedRequestError } from '../../shared/errors.js';
import type { Authenticator } from '../types.js';

/** An API key as AppSync keeps it. */
export interface ApiKey {
  readonly id: string;
  /** Epoch seconds; AppSync rounds expiry down to the hour. */
  readonly expires: number;
  readonly description?: string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DAY_SECONDS = 86_400;

/** A new key shaped like AppSync's (`da2-` and 26 lower-case letters and digits), valid for `days` (1-365). */
export function createApiKey(days = 7, now = Date.now()): ApiKey {
  if (!(Number.isInteger(days) && days >= 1 && days <= 365)) throw new RangeError('An API key lives 1 to 365 days');
  const id = `da2-${Array.from(randomBytes(26), (byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
  const expires = Math.floor((now / 1000 + days * DAY_SECONDS) / 3600) * 3600;
  return { id, expires };
}

/** The message AppSync gives for a missing, wrong or expired key. */
export const API_KEY_REFUSED = 'You are not authorized to make this call.';

/** Accepts requests whose `x-api-key` is one of `keys` and not expired. */
export function apiKeyAuthenticator(keys: () => readonly ApiKey[], now: () => number = Date.now): Authenticator {
  return {
    mode: 'API_KEY',
    accepts: (headers) => headers.has('x-api-key'),
    async authenticate(headers) {
      const given = headers.get('x-api-key');
      const key = keys().find((candidate) => candidate.id === given);
      if (!key || key.expires * 1000 <= now()) throw new UnauthorizedRequestError(API_KEY_REFUSED);
      return { mode: 'API_KEY', identity: null };
    },
  };
}
