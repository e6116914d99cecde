/**
 * Which `Host` a request may name. A web page can point a name it controls at 127.0.0.1 (DNS
 * rebinding) and then call the local server as if it were its own origin; the browser still sends
 * the page's name in `Host`. Answering only the loopback names and the names the server was told
 * to listen on (`--host`) closes that door.
 */
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

/** What a Host header says about a request. */
export type HostVerdict = 'allowed' | 'foreign' | 'malformed';

/** `name`, `name:port`, `1.2.3.4:port` or `[v6]:port`, and nothing else. */
const HOST_HEADER = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9._-]+))(?::(\d{1,5}))?$/;

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);

/**
 * The Android emulator's name for its host's loopback: an app in the emulator reaches this server
 * at 10.0.2.2 and says so in Host. A web page cannot borrow it (it is an address, not a name a page
 * can point elsewhere).
 */
const ANDROID_EMULATOR_HOST = '10.0.2.2';

/** The hostname of a Host header (brackets and port removed, lower case), or undefined when the header is not one. */
export function hostnameOf(header: string): string | undefined {
  const match = HOST_HEADER.exec(header.trim());
  if (!match) return undefined;
  const [, v6, name] = match;
  if (v6 !== undefined) return isIP(v6) === 6 ? v6.toLowerCase() : undefined;
  return (name ?? '').toLowerCase().replace(/\.$/, '');
}

/** True for the loopback names: `localhost`, `*.localhost` (browsers resolve it themselves), 127.0.0.0/8 and ::1. */
export function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return isLoopbackAddress(name);
}

/** True when a socket address is the loopback interface (also in its IPv4-mapped IPv6 form). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/**
 * The names a server bound to `bindHost` answers to besides the loopback ones: the bind address
 * itself, and for a wildcard bind (`0.0.0.0`, `::`) the machine's own addresses and host name.
 */
export function servedNames(bindHost: string): Set<string> {
  const names = new Set<string>();
  const bind = bindHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (!WILDCARD_BINDS.has(bind)) {
    names.add(bind);
    return names;
  }
  // The bind address itself (what `http://0.0.0.0:PORT` sends), which reaches this machine only.
  names.add(bind === '' ? '0.0.0.0' : bind);
  names.add(hostname().toLowerCase());
  for (const addresses of Object.values(networkInterfaces())) for (const info of addresses ?? []) names.add(info.address.toLowerCase());
  return names;
}

/**
 * A check of the Host header for a server bound to `bindHost`. No Host at all (HTTP/1.0, or an
 * in-process call) is allowed: a browser always sends one.
 * @example
 * const check = hostChecker('127.0.0.1');
 * check('localhost:4000'); // 'allowed'
 * check('evil.example:4000'); // 'foreign'
 */
export function hostChecker(bindHost: string): (header: string | null | undefined) => HostVerdict {
  const served = servedNames(bindHost);
  return (header) => {
    if (header === null || header === undefined) return 'allowed';
    const name = hostnameOf(header);
    if (name === undefined) return 'malformed';
    return isLoopbackName(name) || name === ANDROID_EMULATOR_HOST || served.has(name) ? 'allowed' : 'foreign';
  };
}
