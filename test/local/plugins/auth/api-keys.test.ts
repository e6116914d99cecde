import { describe, expect, it } from 'vitest';
import { apiKeyAuthenticator, createApiKey } from '../../../../local/plugins/auth/api-key/api-keys.js';

const HOUR = 3_600_000;

describe('Function: createApiKey', () => {
  it("makes a key shaped like AppSync's, expiring on the hour after the given days", () => {
    const now = Date.UTC(2026, 0, 1, 10, 30);
    const key = createApiKey(7, now);
    expect(key.id).toMatch(/^da2-[a-z0-9]{26}$/);
    expect(key.expires * 1000).toBe(Date.UTC(2026, 0, 8, 10, 0));
  });

  it.each([0, 366, 1.5])('refuses a lifetime of %s days', (days) => {
    expect(() => createApiKey(days)).toThrow('An API key lives 1 to 365 days');
  });
});

describe('Function: apiKeyAuthenticator', () => {
  const key = { id: 'da2-abc', expires: 1_000_000 };
  const headers = (value: string) => new Headers({ 'x-api-key': value });
  const facts = { sourceIp: [], body: '', url: 'http://x/graphql', method: 'POST' };

  it('accepts its key before it expires, with a null identity', async () => {
    const authenticator = apiKeyAuthenticator(
      () => [key],
      () => key.expires * 1000 - HOUR,
    );
    await expect(authenticator.authenticate(headers('da2-abc'), facts)).resolves.toEqual({ mode: 'API_KEY', identity: null });
  });

  it('refuses its key once expired, and any other key, with AppSync words', async () => {
    const expired = apiKeyAuthenticator(
      () => [key],
      () => key.expires * 1000,
    );
    await expect(expired.authenticate(headers('da2-abc'), facts)).rejects.toMatchObject({
      status: 401,
      message: 'You are not authorized to make this call.',
    });
    const current = apiKeyAuthenticator(
      () => [key],
      () => 0,
    );
    await expect(current.authenticate(headers('da2-other'), facts)).rejects.toMatchObject({ status: 401 });
  });
});
