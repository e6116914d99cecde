/**
 * The registry of offline services: one factory per folder of local/plugins/, each making a
 * {@link LocalPlugin}. `local/server.ts` builds them in dependency order and lists them.
 */
export { createAuthPlugin } from './auth/index.js';
export { createCognitoIdpPlugin } from './cognito-idp/index.js';
export { createDataApiPlugin } from './data-api/index.js';
export { createGraphqlPlugin } from './graphql/index.js';
export { createHealthPlugin } from './health/index.js';
export { createLambdaPlugin } from './lambda/index.js';
export { createPlaygroundPlugin } from './playground/index.js';
export { createRealtimePlugin } from './realtime/index.js';
export type { LocalPlugin, RequestPeer } from './types.js';
