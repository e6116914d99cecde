import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoSubForUsername } from '../../../../local/plugins/auth/index.js';
import type { LocalServer } from '../../../../local/server.js';
import { API_KEY, startAuthServer } from '../auth/helpers.js';

let server: LocalServer;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ server, stop } = await startAuthServer());
});

afterAll(async () => {
  await stop?.();
});

async function get(path: string): Promise<Response> {
  return fetch(`${server.url}${path}`);
}

describe('Playground: the page and its files', () => {
  it('serves GraphiQL at / from local files only (no CDN)', async () => {
    const response = await get('/');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources).toEqual(
      expect.arrayContaining([
        '/playground/assets/graphiql.css',
        '/playground/assets/react.js',
        '/playground/assets/react-dom.js',
        '/playground/assets/graphiql.js',
        '/playground/assets/playground.js',
      ]),
    );
    expect(sources.filter((source) => !source.startsWith('/playground/assets/'))).toEqual([]);
    for (const source of sources) {
      const asset = await get(source);
      expect(asset.status, source).toBe(200);
      // The icon is a small SVG; every script and style sheet is a real file.
      expect((await asset.arrayBuffer()).byteLength, source).toBeGreaterThan(source.endsWith('.svg') ? 100 : 1000);
    }
    const favicon = await get('/favicon.ico');
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers an unknown asset with a 404', async () => {
    expect((await get('/playground/assets/../../package.json')).status).toBe(404);
    expect((await get('/playground/assets/nothing.js')).status).toBe(404);
  });

  it('tells the page the API key, users, IAM key id and examples', async () => {
    const config = await (await get('/playground/config')).json();
    expect(config).toMatchObject({
      graphqlPath: '/graphql',
      apiKey: API_KEY,
      iam: { accessKeyId: server.auth.iam.accessKeyId, region: 'us-east-1' },
      users: [
        { username: 'alice', groups: ['admins'] },
        { username: 'bob', groups: [] },
      ],
      examples: [{ name: 'Who am I' }, { name: 'Profile' }],
    });
    expect(JSON.stringify(config)).not.toContain(server.auth.iam.secretAccessKey);
  });
});

describe('Playground: local-only credential helpers', () => {
  it('mints a token for a configured user, with the configured groups, that /graphql accepts', async () => {
    const minted = (await (await get('/playground/token?user=alice')).json()) as { idToken: string };
    expect(minted).toMatchObject({ username: 'alice', sub: cognitoSubForUsername('alice'), groups: ['admins'] });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: minted.idToken, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ adminsOnly }' }),
    });
    expect(await response.json()).toEqual({ data: { adminsOnly: 'adminsOnly' } });
  });

  it('refuses a token request that names no user', async () => {
    const response = await get('/playground/token');
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].errorType).toBe('BadRequestException');
  });

  it('signs a request body with the local IAM credentials, and /graphql accepts it', async () => {
    const body = JSON.stringify({ query: '{ iamOnly }' });
    const { headers } = (await (
      await fetch(`${server.url}/playground/sign`, { method: 'POST', body: JSON.stringify({ body }) })
    ).json()) as { headers: Record<string, string> };
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAOFFLINELOCAL0001\/\d{8}\/us-east-1\/appsync\/aws4_request/);
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
    expect(await response.json()).toEqual({ data: { iamOnly: 'iamOnly' } });
  });
});
