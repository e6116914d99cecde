import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import { TlsFiles, TlsLimits } from './constants.js';
import { forgeKeyPairFromPem, newRsaKeyPair, randomSerial, type ForgeKeyPair } from './keys.js';

/** The local certificate authority: what a phone, an emulator or the host is told to trust, once. */
export interface LocalCertificateAuthority {
  /** Absolute path of the CA certificate (PEM). */
  readonly certFile: string;
  readonly certPem: string;
  readonly cert: forge.pki.Certificate;
  readonly keys: ForgeKeyPair;
}

const DAY_MS = 86_400_000;

async function readExisting(dir: string): Promise<LocalCertificateAuthority | undefined> {
  try {
    const certFile = join(dir, TlsFiles.CA_CERT);
    const certPem = await readFile(certFile, 'utf8');
    const keys = forgeKeyPairFromPem(await readFile(join(dir, TlsFiles.CA_KEY), 'utf8'));
    const cert = forge.pki.certificateFromPem(certPem);
    if (cert.validity.notAfter.getTime() < Date.now()) return undefined;
    return { certFile, certPem, cert, keys };
  } catch {
    return undefined;
  }
}

/**
 * The CA kept in `<dataDir>/tls/`, created on first use and kept afterwards, so a device trusts it
 * once. Its name carries the machine's host name, so two developers' CAs are told apart in a
 * device's settings. Only the server certificates it issues change.
 */
export async function loadOrCreateCertificateAuthority(dataDir: string, machineName: string): Promise<LocalCertificateAuthority> {
  const dir = join(dataDir, TlsFiles.DIR);
  const existing = await readExisting(dir);
  if (existing) return existing;
  const keys = await newRsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + TlsLimits.CA_VALIDITY_DAYS * DAY_MS);
  const subject = [
    { name: 'commonName', value: `appsync-local development CA (${machineName})` },
    { name: 'organizationName', value: 'appsync-local development only' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  await mkdir(dir, { recursive: true });
  const certFile = join(dir, TlsFiles.CA_CERT);
  await writeFile(join(dir, TlsFiles.CA_KEY), keys.privateKeyPem, { mode: 0o600 });
  await writeFile(certFile, certPem);
  return { certFile, certPem, cert, keys };
}
