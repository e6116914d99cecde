import { join } from 'node:path';
import type { LocalUserPool } from '../auth/index.js';
import type { LocalPlugin } from '../types.js';
import { CognitoErrors, CognitoWire } from './constants.js';
import { CognitoError } from './errors.js';
import { cognitoErrorResponse, cognitoResponse } from './format.js';
import { operations, type OperationContext } from './operations.js';
import { openPoolState } from './state.js';
import { listedPoolUser, type ListedUser } from './users.js';

export interface CognitoIdpPluginOptions {
  /** The local user pool that mints and publishes the keys of the tokens. */
  readonly pool: LocalUserPool;
  /** The project's users: confirmed, each with its password (default `Passw0rd!`) and groups. */
  readonly users: readonly ListedUser[];
  /** Keeps signed-up users and open sign-ins. */
  readonly dataDir: string;
  /** Where sign-up codes go. */
  readonly log: (line: string) => void;
}

function isCognitoCall(request: Request): boolean {
  if (request.method !== 'POST') return false;
  const path = new URL(request.url).pathname.replace(/\/$/, '');
  const target = request.headers.get(CognitoWire.TARGET_HEADER) ?? '';
  return (path === '' || path === CognitoWire.PATH) && target.startsWith(CognitoWire.TARGET_PREFIX);
}

/**
 * The local user pool's sign-in API: the JSON 1.1 calls Amplify Auth and the AWS SDK make to
 * `cognito-idp` (InitiateAuth, SignUp, GetUser, …), answered at `/cognito-idp` (the
 * `userPoolEndpoint` a client is given) and at `/` (an SDK endpoint with no path). Tokens are the
 * same JWTs as `npm run token` mints; errors carry Cognito's exception names.
 */
export async function createCognitoIdpPlugin(options: CognitoIdpPluginOptions): Promise<LocalPlugin> {
  const state = await openPoolState(join(options.dataDir, CognitoWire.STATE_FILE), options.users.map(listedPoolUser));
  const context: OperationContext = { pool: options.pool, state, log: options.log, challenges: new Map() };
  return {
    name: 'cognito-idp',
    async fetch(request) {
      if (!isCognitoCall(request)) return undefined;
      const name = (request.headers.get(CognitoWire.TARGET_HEADER) ?? '').slice(CognitoWire.TARGET_PREFIX.length);
      try {
        const operation = operations[name];
        if (!operation) throw new CognitoError(CognitoErrors.UNKNOWN_OPERATION, `The local user pool does not offer ${name}`);
        let input: unknown;
        try {
          input = JSON.parse(await request.text());
        } catch (cause) {
          throw new CognitoError(CognitoErrors.SERIALIZATION, 'The request body is not valid JSON', { cause });
        }
        if (typeof input !== 'object' || input === null || Array.isArray(input)) {
          throw new CognitoError(CognitoErrors.SERIALIZATION, 'The request body must be a JSON object');
        }
        return cognitoResponse(await operation(input as Record<string, unknown>, context));
      } catch (error) {
        return cognitoErrorResponse(error);
      }
    },
  };
}
