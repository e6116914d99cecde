import { hostname, networkInterfaces } from 'node:os';

/** True for the addresses that mean "every interface". */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * The machine's own non-loopback addresses (IPv4 first, then IPv6 without link-local ones, which
 * need a zone to be dialled): what a phone or emulator on the same network dials.
 */
export function lanAddresses(): string[] {
  const all = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []);
  const external = all.filter((entry) => !entry.internal);
  const v4 = external.filter((entry) => entry.family === 'IPv4').map((entry) => entry.address);
  const v6 = external
    .filter((entry) => entry.family === 'IPv6' && !entry.address.toLowerCase().startsWith('fe80'))
    .map((entry) => entry.address);
  return [...new Set([...v4, ...v6])];
}

/** The machine's host name, which some networks resolve (`name` or `name.local`). */
export function machineHostName(): string {
  return hostname();
}

/** `host` in a URL: IPv6 addresses in brackets. */
export function urlHost(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}
