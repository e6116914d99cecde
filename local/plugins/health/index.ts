/** `GET /health`: whether the API is ready, and where each service is (the banner's URLs, as JSON). */
import { jsonResponse } from '../shared/format.js';
import type { LocalPlugin } from '../types.js';

export const HEALTH_PATH = '/health';

export function createHealthPlugin(describe: () => Record<string, unknown>): LocalPlugin {
  return {
    name: 'health',
    fetch: (request) => (new URL(request.url).pathname === HEALTH_PATH ? jsonResponse({ status: 'ready', ...describe() }) : undefined),
  };
}
