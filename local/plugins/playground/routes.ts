import type { PlaygroundExample, PlaygroundUser } from '../../config/project.js';
import type { MintedTokens } from '../auth/index.js';
import type { AuthMode } from '../auth/types.js';
import { jsonResponse } from '../shared/format.js';
import { isPlaygroundAsset, playgroundAsset } from './assets.js';
import { PlaygroundPaths } from './constants.js';
import { playgroundPage } from './page.js';
import { AppSyncErrorTypes } from '../shared/error-types.js';

/** What the playground offers and how it gets credentials from the server. */
export interface PlaygroundOptions {
  readonly graphqlPath: string;
  /** The API's auth modes: the picker offers those it can sign in with. */
  readonly modes: readonly AuthMode[];
  /** Prefilled for the API key choice; absent when the API has no API key mode. */
  readonly apiKey: string | undefined;
  readonly iam: { readonly accessKeyId: string; readonly region: string };
  /** Listed users; those with a password sign in through the user pool's sign-in API, as an app does. */
  readonly users: readonly PlaygroundUser[];
  readonly examples: readonly PlaygroundExample[];
  /** The user pool's sign-in API (`InitiateAuth` with `USER_PASSWORD_AUTH`) on this server, and the app client to name. */
  readonly signIn?: { readonly path: string; readonly clientId: string };
  /** The text the query editor opens with (GraphQL comments). @default a generic welcome */
  readonly welcome?: string | undefined;
  mint(username: string, groups: readonly string[]): Promise<MintedTokens>;
  /** SigV4 headers for a POST of `body` to `url`. */
  sign(request: { url: string; body: string }): Promise<Record<string, string>>;
}

/** What the editor opens with when the project has no welcome of its own. */
const DEFAULT_WELCOME = `# Offline AppSync playground
#
# Pick who you are (Auth) and a saved example, or write an operation here and press the run button
# (Ctrl+Enter). Each answer shows a trace beside it: the resolvers that ran, their SQL and Lambda calls.
`;

const badRequest = (message: string) => jsonResponse({ errors: [{ errorType: AppSyncErrorTypes.BAD_REQUEST, message }] }, 400);

/**
 * The playground's routes: the page at `/`, its files, its configuration, and two local-only
 * helpers (a user token, a SigV4 signature) so the browser never holds a private key or secret.
 * Answers undefined for any other path.
 */
export function createPlaygroundRoutes(options: PlaygroundOptions): (request: Request) => Promise<Response | undefined> {
  const config = {
    graphqlPath: options.graphqlPath,
    modes: options.modes,
    apiKey: options.apiKey ?? null,
    iam: options.modes.includes('AWS_IAM') ? options.iam : null,
    userPool: options.modes.includes('AMAZON_COGNITO_USER_POOLS'),
    users: options.modes.includes('AMAZON_COGNITO_USER_POOLS')
      ? options.users.map((user) => ({ username: user.username, groups: user.groups ?? [], password: user.password ?? null }))
      : [],
    signIn: options.signIn ?? null,
    examples: options.examples,
    welcome: options.welcome ?? DEFAULT_WELCOME,
  };
  return async function playgroundRoutes(request) {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === PlaygroundPaths.PAGE && request.method === 'GET') {
      return new Response(playgroundPage(), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    if (path.startsWith(PlaygroundPaths.ASSETS)) {
      const name = path.slice(PlaygroundPaths.ASSETS.length);
      return isPlaygroundAsset(name) ? playgroundAsset(name) : undefined;
    }
    if (path === PlaygroundPaths.CONFIG) return jsonResponse(config);
    if (path === PlaygroundPaths.FAVICON) return playgroundAsset('favicon.svg');
    if (path === PlaygroundPaths.TOKEN) {
      const username = url.searchParams.get('user')?.trim();
      if (!username) return badRequest('Say which user: /playground/token?user=NAME[&groups=a,b]');
      const known = options.users.find((user) => user.username === username);
      const groupsParam = url.searchParams.get('groups');
      const groups =
        groupsParam !== null
          ? groupsParam
              .split(',')
              .map((group) => group.trim())
              .filter(Boolean)
          : [...(known?.groups ?? [])];
      return jsonResponse(await options.mint(username, groups));
    }
    if (path === PlaygroundPaths.SIGN && request.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(await request.text());
      } catch {
        return badRequest('Send {"body": "<the GraphQL request body>"}');
      }
      const text = (body as { body?: unknown } | null)?.body;
      if (typeof text !== 'string') return badRequest('Send {"body": "<the GraphQL request body>"}');
      // Sign for the host the browser talks to, which is the one this request came through.
      const target = `${url.protocol}//${request.headers.get('host') ?? url.host}${options.graphqlPath}`;
      return jsonResponse({ headers: await options.sign({ url: target, body: text }) });
    }
    return undefined;
  };
}
