import type { AppSyncScalarName } from '../../../../../local/plugins/graphql/scalars/index.js';

/** Valid and invalid values of each string-shaped scalar. */
export const stringCases: Record<Exclude<AppSyncScalarName, 'AWSTimestamp' | 'AWSJSON'>, { valid: string[]; invalid: string[] }> = {
  AWSDate: {
    valid: ['1970-01-01', '2020-02-29', '1970-01-01Z', '1970-01-01-07:00', '1970-01-01+05:30:15', '-0001-01-01', '2000-12-31+18:00'],
    invalid: ['2019', '2019-02-29', '2020-13-01', '2020-00-10', '2020-1-01', '1970-01-01T00:00Z', '1970-01-01+19:00', '20200101', ''],
  },
  AWSTime: {
    valid: ['12:30', '12:30Z', '12:30:24-07:00', '12:30:24.500+05:30', '23:59:59.123456789', '00:00:00+18:00', '08:15:00+05:30:15'],
    invalid: ['24:00', '12:60', '12:30:61', '12:30.5', '12:30:24.1234567890', '1230', '12:30:24+25:00', '12:30:24+18:30', '2:30'],
  },
  AWSDateTime: {
    valid: [
      '2020-01-01T00:00+00:00',
      '1930-01-01T16:00:00-07:00',
      '2001-01-01T00:00:00.001Z',
      '-2000-06-01T12:00:00Z',
      '2020-01-01T00:00:00.123456789+05:30:15',
    ],
    invalid: [
      '2019',
      '2020-05-23T06:4:37.000Z',
      '2020-01-01T00:00:00',
      '2020-01-01 00:00:00Z',
      '2020-02-30T00:00Z',
      '2020-01-01T00:00:00.Z',
      '2020-01-01',
    ],
  },
  AWSEmail: {
    valid: ['ana@example.com', 'first.last+tag@sub.example.co.uk', 'user@localhost', '"quoted name"@example.com', "o'brien@example.ie"],
    invalid: [
      'plainaddress',
      '@example.com',
      'ana@',
      'ana@@example.com',
      'ana example@example.com',
      'ana@exa mple.com',
      'ana.@example.com',
    ],
  },
  AWSURL: {
    valid: [
      'https://example.com',
      'https://example.com/path?q=1#f',
      'mailto:ana@example.com',
      'ftp://files.example.com/a/b',
      'urn:isbn:0451450523',
    ],
    invalid: [
      'example.com',
      '/relative/path',
      'https://example.com//double',
      'https://exa mple.com',
      'no scheme',
      '://missing.example.com',
    ],
  },
  AWSPhone: {
    valid: ['+1 206 555 0100', '206-555-0100', '2065550100', '+44 20 7946 0958', '1-206-555-0100', '+61 2 9876 5432'],
    invalid: ['1110004444', '555-0100', '(206) 555-0100', '+1 111 555 0100', 'phone', '+12', '206--555-0100', '206 555 010O'],
  },
  AWSIPAddress: {
    valid: ['192.168.0.1', '10.0.0.0/8', '::1', '2001:db8::1/64', '0.0.0.0/0', '::ffff:192.0.2.128'],
    invalid: ['256.1.1.1', '192.168.0.1/33', '[::1]', '2001:db8::1/129', 'localhost', '1.2.3', '10.0.0.0/8/8', 'fe80::1%eth0'],
  },
};

/** AppSync's word for each scalar in its error texts (see DECISIONS.md). */
export const nouns: Record<AppSyncScalarName, string> = {
  AWSDate: 'Date Object',
  AWSTime: 'Time Object',
  AWSDateTime: 'DateTime Object',
  AWSTimestamp: 'Timestamp Object',
  AWSEmail: 'email address',
  AWSJSON: 'JSON Object',
  AWSURL: 'URL',
  AWSPhone: 'phone number',
  AWSIPAddress: 'IP address',
};
