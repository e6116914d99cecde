import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { webcrypto } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

type CryptoKey = webcrypto.CryptoKey;
import { AuthWire } from '../constants.js';

/** The local user pool's RSA key pair: the private half signs tokens, the public half is the JWKS. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** The public key as Cognito publishes it: `{ kty, n, e, kid, alg: 'RS256', use: 'sig' }`. */
  readonly publicJwk: JWK;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

async function fromStored(stored: StoredKey): Promise<SigningKey> {
  const privateKey = (await importJWK(stored.privateJwk, AuthWire.JWT_ALGORITHM)) as CryptoKey;
  const { kty, n, e } = stored.privateJwk;
  return { kid: stored.kid, privateKey, publicJwk: { kty, n, e, kid: stored.kid, alg: AuthWire.JWT_ALGORITHM, use: 'sig' } };
}

async function readStored(file: string): Promise<StoredKey | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    return typeof stored.kid === 'string' && stored.privateJwk?.kty === 'RSA' ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key pair kept in the data folder, created on first use. The server and `npm run token`
 * share it, so a token minted while the server is down is still accepted once it is up.
 * Creation uses an exclusive write: when two processes race, both end up with the winner's key.
 */
export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const file = join(dataDir, AuthWire.KEY_FILE);
  const existing = await readStored(file);
  if (existing) return fromStored(existing);
  const { privateKey } = await generateKeyPair(AuthWire.JWT_ALGORITHM, { modulusLength: AuthWire.RSA_MODULUS_BITS, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, `${JSON.stringify({ kid, privateJwk } satisfies StoredKey, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readStored(file);
    if (winner) return fromStored(winner);
    throw error;
  }
  return fromStored({ kid, privateJwk });
}
