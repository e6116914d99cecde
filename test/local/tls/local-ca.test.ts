import { mkdtemp, rm } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lanAddresses, loadLocalTls, serverNames } from '../../../local/tls/index.js';
import { loadOrCreateCertificateAuthority } from '../../../local/tls/certificate-authority.js';
import { loadOrIssueServerCertificate } from '../../../local/tls/server-certificate.js';

const dirs: string[] = [];
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'roam-tls-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('The local certificate authority', () => {
  it('issues a server certificate for loopback, the Android emulator host and the LAN addresses, valid under the CA', async () => {
    // Act
    const tls = await loadLocalTls(await dataDir());

    // Assess
    const ca = new X509Certificate(tls.caPem);
    const server = new X509Certificate(tls.certPem);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    const altNames = server.subjectAltName ?? '';
    for (const name of ['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:10.0.2.2'])
      expect(altNames).toContain(name);
    for (const address of lanAddresses().filter((candidate) => !candidate.includes(':')))
      expect(altNames).toContain(`IP Address:${address}`);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('10.0.2.2')).toBe('10.0.2.2');
    // Apple's limit on a server certificate's lifetime
    expect(new Date(server.validTo).getTime() - new Date(server.validFrom).getTime()).toBeLessThanOrEqual(398 * 86_400_000);
  });

  it('is created once: a restart keeps the CA and the server certificate', async () => {
    const dir = await dataDir();
    const first = await loadLocalTls(dir);
    const second = await loadLocalTls(dir);
    expect(second.caPem).toBe(first.caPem);
    expect(second.certPem).toBe(first.certPem);
  });

  it('issues a new server certificate under the same CA when the machine’s addresses change', async () => {
    // Prepare
    const dir = await dataDir();
    const ca = await loadOrCreateCertificateAuthority(dir, 'test-machine');
    const before = await loadOrIssueServerCertificate(dir, ca, serverNames());

    // Act: the laptop joined another network
    const after = await loadOrIssueServerCertificate(dir, ca, serverNames(['192.0.2.44']));

    // Assess
    expect(after.certPem).not.toBe(before.certPem);
    expect(new X509Certificate(after.certPem).checkIP('192.0.2.44')).toBe('192.0.2.44');
    expect((await loadOrCreateCertificateAuthority(dir, 'test-machine')).certPem).toBe(ca.certPem);
  });
});
