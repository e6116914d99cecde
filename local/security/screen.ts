/**
 * The checks every request and upgrade passes before any service sees it: a `Host` the server
 * answers to (see host-check.ts), and a body no larger than the service's limit, counted while it
 * arrives. Refusals come in the shape of the service asked: the Data API's for its path, AppSync's
 * for the rest.
 */
import type { IncomingMessage } from 'node:http';
import { errorResponse as dataApiErrorResponse } from '../plugins/data-api/format.js';
import { DataApiError } from '../plugins/data-api/errors.js';
import { DataApiLimits } from '../plugins/data-api/constants.js';
import { GraphqlLimits } from '../plugins/graphql/constants.js';
import { AppSyncErrorTypes } from '../plugins/shared/error-types.js';
import { AppSyncHttpError } from '../plugins/shared/errors.js';
import { httpErrorResponse } from '../plugins/shared/format.js';
import { hostChecker } from './host-check.js';

const Messages = {
  FOREIGN_HOST: 'This server does not answer to that Host. Use localhost, 127.0.0.1, or the name given to --host.',
  MALFORMED_HOST: 'The Host header is not a host name with an optional port.',
  TOO_LARGE: 'Request body is too large.',
} as const;

/** What the node adapter and the realtime plugin run before serving a request. */
export interface RequestScreen {
  /** A refusal for a request with a foreign or malformed Host, else undefined. */
  screen(req: IncomingMessage): Response | undefined;
  /** The same check for a WebSocket upgrade, as the status line and body to answer with. */
  refuseUpgrade(req: IncomingMessage): { status: number; reason: string; body: string } | undefined;
  maxBodyBytes(req: IncomingMessage): number;
  tooLarge(req: IncomingMessage): Response;
}

function refusal(isDataApi: boolean, status: number, errorType: string, message: string): Response {
  if (isDataApi) return dataApiErrorResponse(new DataApiError(errorType, status, message));
  return httpErrorResponse(new AppSyncHttpError(status, errorType, message));
}

/** The screen for a server bound to `bindHost` whose Data API is served under `dataApiPath`. */
export function createRequestScreen(options: { bindHost: string; dataApiPath: string }): RequestScreen {
  const checkHost = hostChecker(options.bindHost);
  const isDataApi = (req: IncomingMessage) => (req.url ?? '').startsWith(options.dataApiPath);
  const hostRefusal = (req: IncomingMessage) => {
    const verdict = checkHost(req.headers.host);
    if (verdict === 'foreign')
      return { status: 403, reason: 'Forbidden', errorType: AppSyncErrorTypes.FORBIDDEN, message: Messages.FOREIGN_HOST };
    if (verdict === 'malformed')
      return { status: 400, reason: 'Bad Request', errorType: AppSyncErrorTypes.MALFORMED_REQUEST, message: Messages.MALFORMED_HOST };
    return undefined;
  };
  return {
    screen(req) {
      const refused = hostRefusal(req);
      return refused && refusal(isDataApi(req), refused.status, refused.errorType, refused.message);
    },
    refuseUpgrade(req) {
      const refused = hostRefusal(req);
      if (!refused) return undefined;
      return {
        status: refused.status,
        reason: refused.reason,
        body: JSON.stringify({ errors: [{ errorType: refused.errorType, message: refused.message }] }),
      };
    },
    maxBodyBytes: (req) => (isDataApi(req) ? DataApiLimits.MAX_REQUEST_BYTES : GraphqlLimits.MAX_BODY_BYTES),
    tooLarge: (req) =>
      isDataApi(req)
        ? dataApiErrorResponse(new DataApiError('BadRequestException', 413, 'Request size exceeded 4 MiB'))
        : refusal(false, 413, AppSyncErrorTypes.MALFORMED_REQUEST, Messages.TOO_LARGE),
  };
}
