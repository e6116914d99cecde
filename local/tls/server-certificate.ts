import { isIP } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import type { LocalCertificateAuthority } from './certificate-authority.js';
import { TlsFiles, TlsLimits } from './constants.js';
import { newRsaKeyPair, randomSerial } from './keys.js';

/** What the HTTPS listener needs. */
export interface ServerCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  /** The DNS names and IP addresses it is valid for. */
  readonly names: readonly string[];
}

const DAY_MS = 86_400_000;

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

async function readExisting(dir: string, ca: LocalCertificateAuthority, names: readonly string[]): Promise<ServerCertificate | undefined> {
  try {
    const stored = JSON.parse(await readFile(join(dir, TlsFiles.SERVER_NAMES), 'utf8')) as string[];
    const certPem = await readFile(join(dir, TlsFiles.SERVER_CERT), 'utf8');
    const keyPem = await readFile(join(dir, TlsFiles.SERVER_KEY), 'utf8');
    const cert = forge.pki.certificateFromPem(certPem);
    const fresh = cert.validity.notAfter.getTime() - Date.now() > TlsLimits.RENEW_BEFORE_DAYS * DAY_MS;
    // Issued by this CA (a CA deleted and made again invalidates the old server certificate).
    if (!fresh || !sameNames(stored, names) || !ca.cert.verify(cert)) return undefined;
    return { certPem, keyPem, names };
  } catch {
    return undefined;
  }
}

/**
 * The server certificate for these names, signed by the local CA: reused while the names are the
 * same and it is not near expiry, issued again otherwise (a laptop that joins another network
 * gets a certificate for its new address on the next start, and devices keep trusting the CA).
 */
export async function loadOrIssueServerCertificate(
  dataDir: string,
  ca: LocalCertificateAuthority,
  names: readonly string[],
): Promise<ServerCertificate> {
  const dir = join(dataDir, TlsFiles.DIR);
  const existing = await readExisting(dir, ca, names);
  if (existing) return existing;
  const keys = await newRsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + TlsLimits.SERVER_VALIDITY_DAYS * DAY_MS);
  cert.setSubject([{ name: 'commonName', value: names[0] ?? 'localhost' }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // type 2 is a DNS name, 7 an IP address (RFC 5280, section 4.2.1.6).
    { name: 'subjectAltName', altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.keys.privateKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  await writeFile(join(dir, TlsFiles.SERVER_KEY), keys.privateKeyPem, { mode: 0o600 });
  await writeFile(join(dir, TlsFiles.SERVER_CERT), certPem);
  await writeFile(join(dir, TlsFiles.SERVER_NAMES), `${JSON.stringify(names)}\n`);
  return { certPem, keyPem: keys.privateKeyPem, names };
}
