/**
 * Apollo Client 4 set up for Roam's API, on the links AWS publishes for AppSync:
 * `aws-appsync-auth-link` signs or authorizes every HTTP request, `aws-appsync-subscription-link`
 * speaks AppSync's realtime protocol for subscriptions. Queries and mutations take the typed
 * documents from client/index.ts, so results and variables are typed:
 *
 * @example
 * const client = createRoamApolloClient({ url, region: 'eu-west-1', auth: cognitoAuth(() => session.idToken) });
 * const { data } = await client.query({ query: SearchHotelsDocument, variables: { input } });
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { AUTH_TYPE, createAuthLink, type AuthOptions } from 'aws-appsync-auth-link';
import { CONTROL_EVENTS_KEY, createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import { filter } from 'rxjs';

export type { AuthOptions };

/**
 * Context of a subscription that wants to know when AppSync has started it (its `start_ack`):
 * `client.subscribe({ query, variables, context: { onSubscriptionReady: () => ... } })`. Events
 * published before that moment are not delivered to it, so an app that subscribes and then
 * mutates waits for this.
 */
export interface SubscriptionReadyContext {
  onSubscriptionReady?: () => void;
}

/**
 * The subscription link reports AppSync's `start_ack` only as a control message, which Apollo
 * Client drops (it has no data); this link turns it into the `onSubscriptionReady` callback.
 */
const subscriptionReadyLink = new ApolloLink((operation, forward) => {
  const { onSubscriptionReady } = operation.getContext() as SubscriptionReadyContext;
  if (!onSubscriptionReady) return forward(operation);
  operation.setContext({ controlMessages: { [CONTROL_EVENTS_KEY]: true } });
  return forward(operation).pipe(
    filter((result) => {
      if ((result.extensions as { controlMsgType?: string } | undefined)?.controlMsgType !== 'CONNECTED') return true;
      onSubscriptionReady();
      return false;
    }),
  );
});

/** Signed-out browsing: the API key (`x-api-key`). */
export function apiKeyAuth(apiKey: string): AuthOptions {
  return { type: AUTH_TYPE.API_KEY, apiKey };
}

/** A signed-in user: a function giving the current Cognito token (ID or access), called per request. */
export function cognitoAuth(token: () => string | Promise<string>): AuthOptions {
  return { type: AUTH_TYPE.AMAZON_COGNITO_USER_POOLS, jwtToken: token };
}

type IamCredentials = Extract<AuthOptions, { credentials: unknown }>['credentials'];

/** Back office and services: AWS credentials (or a function giving them), requests signed with SigV4. */
export function iamAuth(credentials: IamCredentials): AuthOptions {
  return { type: AUTH_TYPE.AWS_IAM, credentials };
}

export interface RoamApolloOptions {
  /** The API's GraphQL endpoint, `https://.../graphql` (offline: `http://127.0.0.1:4000/graphql`). */
  url: string;
  /** The API's AWS region (IAM signs for it). */
  region: string;
  auth: AuthOptions;
  /** @default a new InMemoryCache */
  cache?: InMemoryCache;
}

/** An ApolloClient whose HTTP and realtime traffic AppSync (or the offline server) accepts. */
export function createRoamApolloClient(options: RoamApolloOptions): ApolloClient {
  const { url, region, auth } = options;
  // The AppSync links declare their types against @apollo/client's CommonJS typings, this module
  // imports its ES module typings: the same classes under two type identities, so they are
  // converted here, once, for every app.
  const links = [
    createAuthLink({ url, region, auth }),
    createSubscriptionHandshakeLink(
      { url, region, auth },
      new HttpLink({ uri: url }) as unknown as Parameters<typeof createSubscriptionHandshakeLink>[1],
    ),
  ] as unknown as ApolloLink[];
  return new ApolloClient({ link: ApolloLink.from([subscriptionReadyLink, ...links]), cache: options.cache ?? new InMemoryCache() });
}
