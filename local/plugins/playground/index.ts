/** The GraphiQL playground at `/`, served from installed packages, with an auth picker and saved examples. */
export { createPlaygroundRoutes, type PlaygroundOptions } from './routes.js';
export { PlaygroundPaths, PLAYGROUND_ASSETS } from './constants.js';
