import { describe, expect, it } from 'vitest';
import { OptionsError, parseServerOptions } from '../../../local/config/options.js';

describe('Function: parseServerOptions', () => {
  it('fills every default', () => {
    expect(parseServerOptions([])).toEqual({
      port: 4000,
      host: '127.0.0.1',
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
