/** The GraphiQL playground at `/`, served from installed packages, with an auth picker and saved examples. */
export { createPlaygroundRoutes, type PlaygroundOptions } from './routes.js';
export { createPlaygroundPlugin } from './plugin.js';
export { PlaygroundPaths, PLAYGROUND_ASSETS } from './constants.js';
