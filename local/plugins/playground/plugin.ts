/** The playground as a plugin: GraphiQL, its assets and its sign-in helpers, at the root path. */
import type { LocalPlugin } from '../types.js';
import { createPlaygroundRoutes, type PlaygroundOptions } from './routes.js';

export function createPlaygroundPlugin(options: PlaygroundOptions): LocalPlugin {
  const routes = createPlaygroundRoutes(options);
  return { name: 'playground', fetch: (request) => routes(request) };
}
