import { describe, expect, it } from 'vitest';
import {
  createDataApiCore,
  createDataApiHandler,
  createPostgresBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
} from '../../../../local/plugins/data-api/index.js';

describe('a PostgreSQL server that cannot be reached', () => {
  it('answers DatabaseUnavailableException (504), not a crash or a masked internal error', async () => {
    // Port 1 on loopback refuses connections.
    const core = createDataApiCore({ backend: createPostgresBackend({ url: 'postgres://postgres@127.0.0.1:1/postgres' }) });
    try {
      const response = await createDataApiHandler(core)(
        new Request('http://localhost/Execute', {
          method: 'POST',
          body: JSON.stringify({ resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN, sql: 'select 1' }),
        }),
      );
      expect(response.status).toBe(504);
      expect(response.headers.get('x-amzn-errortype')).toMatch(/^DatabaseUnavailableException:/);
      expect(await response.json()).toEqual({ message: 'The database is unavailable: ECONNREFUSED' });
    } finally {
      await core.close();
    }
  });
});
