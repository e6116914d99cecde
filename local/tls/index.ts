/**
 * HTTPS for the offline server: a local certificate authority created once in the data folder,
 * and a server certificate it signs for every name a device may dial (loopback, the Android
 * emulator's host alias, the machine's LAN addresses and host name).
 */
import { loadOrCreateCertificateAuthority } from './certificate-authority.js';
import { ANDROID_EMULATOR_HOST } from './constants.js';
import { lanAddresses, machineHostName } from './addresses.js';
import { loadOrIssueServerCertificate, type ServerCertificate } from './server-certificate.js';

export { isWildcardHost, lanAddresses, urlHost } from './addresses.js';
export { TlsFiles } from './constants.js';
export { trustSteps } from './trust-steps.js';
export type { ServerCertificate } from './server-certificate.js';

/** What the listener serves with, and the CA file the banner tells devices to trust. */
export interface LocalTls extends ServerCertificate {
  readonly caFile: string;
  readonly caPem: string;
}

/** Names the server certificate covers: loopback, the Android emulator's alias for the host, the LAN addresses, the host name. */
export function serverNames(extra: readonly string[] = []): string[] {
  const host = machineHostName();
  const names = ['localhost', '127.0.0.1', '::1', ANDROID_EMULATOR_HOST, ...lanAddresses(), host, `${host}.local`, ...extra];
  return [...new Set(names.filter(Boolean))];
}

/** The CA (created once) and a server certificate for this machine's current names. */
export async function loadLocalTls(dataDir: string): Promise<LocalTls> {
  const ca = await loadOrCreateCertificateAuthority(dataDir, machineHostName());
  const certificate = await loadOrIssueServerCertificate(dataDir, ca, serverNames());
  return { ...certificate, caFile: ca.certFile, caPem: ca.certPem };
}
