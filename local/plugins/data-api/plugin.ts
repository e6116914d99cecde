/** The RDS Data API endpoint as a plugin: its routes under one path prefix, and the database it closes. */
import type { LocalPlugin } from '../types.js';
import type { DataApiCore } from './core.js';
import type { DataApiRequestGuard } from './http/request-guard.js';
import { createDataApiHandler } from './http/routes.js';

export function createDataApiPlugin(options: {
  readonly path: string;
  readonly core: DataApiCore;
  readonly guard: DataApiRequestGuard;
}): LocalPlugin {
  const handle = createDataApiHandler(options.core, { guard: options.guard });
  return {
    name: 'data-api',
    fetch(request) {
      const path = new URL(request.url).pathname;
      return path === options.path || path.startsWith(`${options.path}/`) ? handle(request) : undefined;
    },
    close: () => options.core.close(),
  };
}
