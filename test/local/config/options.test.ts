import { describe, expect, it } from 'vitest';
import { configModuleOf, OptionsError, parseServerOptions, usage } from '../../../local/config/options.js';

describe('Function: parseServerOptions', () => {
  it('fills every default', () => {
    expect(parseServerOptions([])).toEqual({
      port: 4000,
      host: '127.0.0.1',
      https: false,
      dataDir: '.data',
      watch: true,
      config: 'local.config.ts',
      resetData: false,
      yes: false,
      logFormat: 'pretty',
    });
  });

  it('reads every flag', () => {
    const options = parseServerOptions([
      '--port',
      '0',
      '--data-dir',
      '/tmp/x',
      '--db-url',
      'postgres://u@h/db',
      '--api-key',
      'da2-k',
      '--no-watch',
    ]);
    expect(options).toMatchObject({ port: 0, dataDir: '/tmp/x', dbUrl: 'postgres://u@h/db', apiKey: 'da2-k', watch: false });
  });

  it('reads the local IAM credentials', () => {
    const options = parseServerOptions(['--iam-access-key-id', 'AKIATESTTESTTEST01', '--iam-secret-access-key', 's3cret']);
    expect(options).toMatchObject({ iamAccessKeyId: 'AKIATESTTESTTEST01', iamSecretAccessKey: 's3cret' });
  });

  it('reads the folder --record writes handler contexts to', () => {
    expect(parseServerOptions(['--record', 'contexts'])).toMatchObject({ record: 'contexts' });
  });

  it("reads the project's own flags and hands them over by name", () => {
    const flags = { hotels: 'hotels to seed', nights: 'nights to seed' };
    expect(parseServerOptions(['--hotels', '500', '--port', '0'], flags)).toMatchObject({ port: 0, projectFlags: { hotels: '500' } });
    expect(parseServerOptions([], flags)).not.toHaveProperty('projectFlags');
    expect(() => parseServerOptions(['--hotels', '500'])).toThrow(OptionsError);
  });

  it("refuses a project flag that clashes with the server's own", () => {
    expect(() => parseServerOptions([], { port: 'a second port' })).toThrow(/clash/);
  });

  it('finds the configuration module before the rest is parsed', () => {
    expect(configModuleOf(['--hotels', '5', '--config', 'other.config.ts'])).toBe('other.config.ts');
    expect(configModuleOf([])).toBe('local.config.ts');
  });

  it('lists the project flags in the help', () => {
    expect(usage({ hotels: 'hotels to seed' })).toMatch(/--hotels VALUE\s+hotels to seed/);
  });

  it('answers --help', () => {
    expect(parseServerOptions(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--db-url', 'mysql://x']],
    [['--colour']],
    [['--iam-access-key-id', 'lower-case-key']],
  ])('refuses %j with a message naming the option', (argv) => {
    expect(() => parseServerOptions(argv)).toThrow(OptionsError);
  });
});
