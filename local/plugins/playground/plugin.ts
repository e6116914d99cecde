/** The playground as a plugin: GraphiQL, its assets and its sign-in helpers, at the root path. */
import { isLoopbackAddress } from '../../security/host-check.js';
import { AppSyncErrorTypes } from '../shared/error-types.js';
import { jsonResponse } from '../shared/format.js';
import type { LocalPlugin } from '../types.js';
import { PlaygroundPaths } from './constants.js';
import { createPlaygroundRoutes, type PlaygroundOptions } from './routes.js';

/** Helpers that hand out credentials (a token for any user, an IAM signature): for this machine only. */
const LOOPBACK_ONLY: ReadonlySet<string> = new Set([PlaygroundPaths.TOKEN, PlaygroundPaths.SIGN]);

export function createPlaygroundPlugin(options: PlaygroundOptions): LocalPlugin {
  const routes = createPlaygroundRoutes(options);
  return {
    name: 'playground',
    fetch(request, peer) {
      // sourceIp[0] is the TCP peer (x-forwarded-for only follows it), so a proxy header cannot claim loopback.
      if (LOOPBACK_ONLY.has(new URL(request.url).pathname) && !isLoopbackAddress(peer.sourceIp[0])) {
        const message = 'The playground hands out tokens and signatures to this machine only; open the playground on localhost.';
        return jsonResponse({ errors: [{ errorType: AppSyncErrorTypes.FORBIDDEN, message }] }, 403);
      }
      return routes(request);
    },
  };
}
