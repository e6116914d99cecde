/** The GraphQL endpoint as a plugin: `/graphql` answered by the API in use now (watch mode swaps it). */
import type { LocalPlugin } from '../types.js';

/** The part of a built API the endpoint needs. */
export interface ServedGraphqlApi {
  readonly handle: (request: Request, sourceIp: string[]) => Promise<Response>;
}

export function createGraphqlPlugin(options: { readonly path: string; readonly api: () => ServedGraphqlApi }): LocalPlugin {
  return {
    name: 'graphql',
    fetch: (request, peer) => (new URL(request.url).pathname === options.path ? options.api().handle(request, peer.sourceIp) : undefined),
  };
}
