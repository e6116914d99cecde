import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoSubForUsername, openLocalUserPool } from '../../../../local/plugins/auth/index.js';

const run = promisify(execFile);
let dataDir: string;

async function token(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'local/token-cli.ts', '--data-dir', dataDir, ...args], { cwd: process.cwd() });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roam-token-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run token', () => {
  it('prints an ID token for the user and groups, signed with the key in the data folder', async () => {
    const { stdout } = await token('--user', 'alice', '--groups', 'partners', '--groups', 'admins,beta');
    const pool = await openLocalUserPool({ dataDir });
    const { payload } = await jwtVerify(stdout.trim(), createLocalJWKSet(pool.jwks()), { issuer: pool.issuer, audience: pool.clientId });
    expect(payload).toMatchObject({
      sub: cognitoSubForUsername('alice'),
      'cognito:username': 'alice',
      'cognito:groups': ['partners', 'admins', 'beta'],
      token_use: 'id',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it("gives a project user the groups the project's users give them when --groups is left out (pat: partners)", async () => {
    const pat = decodeJwt((await token('--user', 'pat')).stdout.trim());
    expect(pat['cognito:groups']).toEqual(['partners']);
    const asked = decodeJwt((await token('--user', 'pat', '--groups', 'admins')).stdout.trim());
    expect(asked['cognito:groups']).toEqual(['admins']);
  });

  it('prints the access token with --access, and honours --expires-in (negative: already expired)', async () => {
    const { stdout } = await token('--user', 'bob', '--access', '--expires-in=-1h');
    const claims = decodeJwt(stdout.trim());
    expect(claims).toMatchObject({ token_use: 'access', username: 'bob' });
    expect(claims.exp! - claims.iat!).toBe(-3600);
  });

  it('prints both tokens, the sub and the expiry with --json', async () => {
    const { stdout } = await token('--user', 'carol', '--json', '--expires-in', '15m');
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({ username: 'carol', sub: cognitoSubForUsername('carol'), groups: [] });
    expect(decodeJwt(printed.idToken).exp).toBe(printed.expiresAt);
  });

  it('explains what is missing instead of printing a stack trace', async () => {
    const failure = await token('--expires-in', '1h').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^TokenOptionsError: --user NAME is required/);
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });

  it('with npm run -s, prints the token alone on stdout, so TOKEN=$(npm run -s token -- …) captures just it', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { stdout } = await run(npm, ['run', '-s', 'token', '--', '--user', 'alice', '--data-dir', dataDir], { cwd: process.cwd() });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});
