/** Paths the playground serves (besides the page itself at `/`). */
export const PlaygroundPaths = {
  PAGE: '/',
  ASSETS: '/playground/assets/',
  CONFIG: '/playground/config',
  /** GET `?user=alice[&groups=a,b]`: mints tokens with the local user pool. Local only: AWS has no such thing. */
  TOKEN: '/playground/token',
  /** POST `{ body }`: SigV4 headers for a GraphQL request with the local IAM credentials. */
  SIGN: '/playground/sign',
  /** Browsers ask for it whatever the page says: answered with the playground's icon. */
  FAVICON: '/favicon.ico',
} as const;

/**
 * The installed files the page loads: React 18's UMD builds and GraphiQL 3's (the last major that
 * ships one), so nothing comes from a CDN. The packages' `exports` hide these files, so they are
 * found next to each package's package.json.
 */
export const PLAYGROUND_ASSETS = {
  'react.js': { packageName: 'react', path: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { packageName: 'react-dom', path: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { packageName: 'graphiql', path: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { packageName: 'graphiql', path: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
  'carry.js': { file: new URL('./browser/carry.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { file: new URL('./browser/favicon.svg', import.meta.url), type: 'image/svg+xml' },
  'playground.js': { file: new URL('./browser/playground.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  'realtime.js': { file: new URL('../realtime/browser/subscriptions.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
} as const;

export type PlaygroundAssetName = keyof typeof PLAYGROUND_ASSETS;
