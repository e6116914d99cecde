import { describe, expect, it } from 'vitest';
import { hostChecker } from '../../../local/security/host-check.js';

describe('Host check', () => {
  const check = hostChecker('127.0.0.1');

  it('answers the loopback names and refuses a name a web page could point here', () => {
    expect(['localhost:4000', '127.0.0.1:4000', '[::1]:4000', 'app.localhost'].map(check)).toEqual([
      'allowed',
      'allowed',
      'allowed',
      'allowed',
    ]);
    expect(check('evil.example:4000')).toBe('foreign');
    expect(check('evil example')).toBe('malformed');
  });

  it("answers the Android emulator's address for its host, which apps in the emulator dial", () => {
    expect(check('10.0.2.2:4000')).toBe('allowed');
    expect(check('10.0.2.3:4000')).toBe('foreign');
  });
});
