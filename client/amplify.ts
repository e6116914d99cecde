/**
 * AWS Amplify JS v6 set up for Roam's API, with typed results. Amplify's `generateClient().graphql()`
 * types a result only through an explicit type parameter and otherwise returns `any`; `roamAmplifyClient()`
 * takes the typed documents from client/index.ts instead, so variables and results are checked:
 *
 * @example
 * configureAmplifyForRoam({ endpoint, region: 'eu-west-1', auth: { mode: 'userPool', token: () => session.accessToken } });
 * const client = roamAmplifyClient();
 * const { searchHotels } = await client.query(SearchHotelsDocument, { input });
 */
import { decodeJWT } from '@aws-amplify/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLResult } from 'aws-amplify/api';
import { print, type GraphQLFormattedError } from 'graphql';
import { map, type Observable } from 'rxjs';

/** How the app calls the API. */
export type RoamAmplifyAuth =
  | { mode: 'apiKey'; apiKey: string }
  /** A function giving the signed-in user's current Cognito access token (when the app signs in without Amplify Auth). */
  | { mode: 'userPool'; token: () => string | Promise<string> }
  /** Credentials from Amplify Auth's identity pool, configured by the app. */
  | { mode: 'iam' };

export interface RoamAmplifyOptions {
  /** The API's GraphQL endpoint, `https://.../graphql`; subscriptions go to the same host over `wss://`. */
  endpoint: string;
  region: string;
  auth: RoamAmplifyAuth;
}

/** Configures Amplify for Roam's API (Amplify keeps one configuration per app). */
export function configureAmplifyForRoam({ endpoint, region, auth }: RoamAmplifyOptions): void {
  const graphql = { endpoint, region, defaultAuthMode: auth.mode, ...(auth.mode === 'apiKey' ? { apiKey: auth.apiKey } : {}) };
  if (auth.mode !== 'userPool') {
    Amplify.configure({ API: { GraphQL: graphql } });
    return;
  }
  // Amplify reads user-pool tokens from its token provider; this one asks the app's function.
  const tokens = async () => {
    const token = decodeJWT(await auth.token());
    return { accessToken: token, idToken: token };
  };
  Amplify.configure({ API: { GraphQL: graphql } }, { Auth: { tokenProvider: { getTokens: tokens } } });
}

/** GraphQL errors of an operation, AppSync's shape (`errorType`, `errorInfo`) kept. */
export class RoamGraphQLError extends Error {
  constructor(readonly errors: readonly (GraphQLFormattedError & { errorType?: string; errorInfo?: unknown })[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'RoamGraphQLError';
  }
}

/** Amplify rejects with the whole GraphQL result when it carries errors. */
function rethrow(error: unknown): never {
  const errors = (error as { errors?: RoamGraphQLError['errors'] } | null)?.errors;
  throw Array.isArray(errors) && errors.length > 0 ? new RoamGraphQLError(errors) : error;
}

type Variables = Record<string, unknown>;

/** Typed operations over Amplify's GraphQL client. */
export interface RoamAmplifyClient {
  query<TResult, TVariables extends Variables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  mutate<TResult, TVariables extends Variables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  /** Each event's data, as the subscription document selects it. */
  subscribe<TResult, TVariables extends Variables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Observable<TResult>;
}

/**
 * Amplify types a string query's result as `any` (or by a type parameter it cannot check); here
 * the document's own TypedDocumentNode types say what comes back, so the conversion is made in
 * this one place and apps never write it.
 */
export function roamAmplifyClient(): RoamAmplifyClient {
  const client = generateClient();
  async function run<TResult, TVariables extends Variables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables) {
    const result = (await Promise.resolve(client.graphql({ query: print(document), variables })).catch(rethrow)) as GraphQLResult<TResult>;
    if (result.errors?.length) throw new RoamGraphQLError(result.errors);
    return result.data;
  }
  function subscribe<TResult, TVariables extends Variables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables) {
    const events = client.graphql({ query: print(document), variables }) as unknown as Observable<{ data: TResult }>;
    return events.pipe(map((event) => event.data));
  }
  return { query: run, mutate: run, subscribe };
}
