import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { TlsLimits } from './constants.js';

/** A key pair as PEM and as node-forge objects (forge signs the certificates; node:crypto makes the keys, much faster). */
export interface ForgeKeyPair {
  readonly privateKeyPem: string;
  readonly privateKey: forge.pki.rsa.PrivateKey;
  readonly publicKey: forge.pki.rsa.PublicKey;
}

export function forgeKeyPairFromPem(privateKeyPem: string): ForgeKeyPair {
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  return { privateKeyPem, privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) };
}

export async function newRsaKeyPair(): Promise<ForgeKeyPair> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: TlsLimits.RSA_MODULUS_BITS,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return forgeKeyPairFromPem(privateKey);
}

/** A positive random serial number, as CAs must issue (RFC 5280, section 4.1.2.2). */
export function randomSerial(): string {
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
}
