import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostChecker, isLoopbackAddress } from '../../../local/security/host-check.js';

describe('Function: hostChecker', () => {
  it('allows the loopback names on a loopback bind, and refuses every other name', () => {
    const check = hostChecker('127.0.0.1');
    for (const host of ['localhost:4000', 'LOCALHOST', '127.0.0.1:4000', '127.1.2.3', '[::1]:4000', 'app.localhost:4000', 'localhost.'])
      expect(check(host), host).toBe('allowed');
    for (const host of ['evil.example', 'evil.example:4000', 'localhost.evil.example', '127.0.0.1.nip.io', '192.168.1.10:4000', '[::2]'])
      expect(check(host), host).toBe('foreign');
  });

  it('calls a header that is not a host and port malformed', () => {
    const check = hostChecker('127.0.0.1');
    for (const host of ['a b', 'x@y', 'http://localhost', '[zz]:1', 'localhost:', ':80', '']) expect(check(host), host).toBe('malformed');
  });

  it('allows what --host names, and for a wildcard bind the machine itself', () => {
    expect(hostChecker('roam.test')('roam.test:4000')).toBe('allowed');
    expect(hostChecker('roam.test')('other.test:4000')).toBe('foreign');
    const wildcard = hostChecker('0.0.0.0');
    expect(wildcard(`${hostname()}:4000`)).toBe('allowed');
    expect(wildcard('0.0.0.0:4000')).toBe('allowed');
    expect(wildcard('evil.example')).toBe('foreign');
  });

  it("allows the Android emulator's address for its host, which apps in the emulator dial", () => {
    expect(hostChecker('127.0.0.1')('10.0.2.2:4000')).toBe('allowed');
    expect(hostChecker('127.0.0.1')('10.0.2.3:4000')).toBe('foreign');
  });

  it('treats only loopback peers as loopback', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '', undefined].some(isLoopbackAddress)).toBe(false);
  });
});
