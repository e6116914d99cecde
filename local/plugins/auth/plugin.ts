/** The local user pool's public side as a plugin: its JWKS, where verifiers fetch its keys. */
import { jsonResponse } from '../shared/format.js';
import type { LocalPlugin } from '../types.js';
import type { LocalAuth } from './setup.js';

export function createAuthPlugin(auth: Pick<LocalAuth, 'userPool'>): LocalPlugin {
  return {
    name: 'auth',
    fetch: (request) => (new URL(request.url).pathname === auth.userPool.jwksPath ? jsonResponse(auth.userPool.jwks()) : undefined),
  };
}
