// util.matches, util.math, util.str, util.dynamodb, util.authType.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { util, instance } = freshRuntime();

describe('matches (Java whole-string semantics)', () => {
  it.each([
    ['a*b', 'aaab', true],
    ['a*b', 'aaabc', false],
    ['\\d{3}', '123', true],
    ['\\d{3}', '1234', false],
    ['(?i)hello', 'HeLLo', true],
    ['\\p{Upper}\\p{Lower}+', 'Paris', true],
    ['\\p{Alpha}+', 'abc1', false],
    ['\\AFoo\\z', 'Foo', true],
    ['[^@]+@[^@]+\\.com', 'a@b.com', true],
    ['\\p{L}+', 'Zürich', true],
    ['x|y', 'y', true],
    ['[\\p{Alpha}_]+', 'ab_c', true],
    ['[\\p{Alpha}_]+', 'ab-c', false],
    ['\\P{Digit}+', 'abc', true],
    ['a*+b', 'aaab', true],
    ['\\d++', '123', true],
    ['x{2}+', 'xx', true],
    ['a*?b', 'aab', true],
    ['\\Q.*\\E', '.*', true],
    ['\\Q.*\\E', 'ab', false],
    ['(?:ab)+', 'abab', true],
  ])('%s on %s', (pattern, value, expected) => {
    expect(util.matches(pattern, value)).toBe(expected);
  });

  it('explains a broken pattern', () => {
    expect(() => util.matches('(unclosed', 'x')).toThrow('util.matches: invalid regular expression "(unclosed"');
  });
});

describe('math and str', () => {
  it('rounds half up and picks min and max', () => {
    expect([util.math.roundNum(2.5), util.math.roundNum(-2.5), util.math.roundNum(1.49)]).toEqual([3, -2, 1]);
    expect([util.math.minVal(3, -1), util.math.maxVal(3, -1)]).toEqual([-1, 3]);
  });

  it('draws random numbers in range', () => {
    for (let index = 0; index < 200; index += 1) {
      const double = util.math.randomDouble();
      expect(double >= 0 && double < 1).toBe(true);
      const integer = util.math.randomWithinRange(3, 5);
      expect([3, 4, 5]).toContain(integer);
    }
  });

  it('normalizes unicode', () => {
    expect(util.str.normalize('e\u0301', 'nfc')).toBe('é');
    expect(util.str.normalize('é', 'nfd')).toBe('e\u0301');
    expect(util.str.normalize('ﬁ', 'nfkc')).toBe('fi');
    expect(util.str.normalize('ﬁ', 'NFKD')).toBe('fi');
    expect(() => util.str.normalize('x', 'nfx')).toThrow('normalization type must be nfc, nfd, nfkc or nfkd');
  });
});

describe('dynamodb', () => {
  it('matches the AWS outputs', () => {
    expect(util.dynamodb.toNumber(12345)).toEqual({ N: 12345 });
    expect(util.dynamodb.toNull()).toEqual({ NULL: null });
    expect(util.dynamodb.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    });
    expect(util.dynamodb.toMapValues({ foo: 'bar' })).toEqual({ foo: { S: 'bar' } });
    expect(util.dynamodb.toList(['foo', 123, { bar: 'baz' }])).toEqual({ L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] });
  });

  it('converts each typed value and answers null for null', () => {
    expect(util.dynamodb.toString('x')).toEqual({ S: 'x' });
    expect(util.dynamodb.toString(null)).toBeNull();
    expect(util.dynamodb.toStringSet(['a', 'b'])).toEqual({ SS: ['a', 'b'] });
    expect(util.dynamodb.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
    expect(util.dynamodb.toBinary('Zm9v')).toEqual({ B: 'Zm9v' });
    expect(util.dynamodb.toBinarySet(['Zm9v'])).toEqual({ BS: ['Zm9v'] });
    expect(util.dynamodb.toBoolean(true)).toEqual({ BOOL: true });
    expect(util.dynamodb.toMap({ a: null })).toEqual({ M: { a: { NULL: null } } });
  });

  it('round-trips S3 objects', () => {
    const attribute = util.dynamodb.toS3Object('foo', 'bar', 'baz', 'beep');
    expect(attribute).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}' });
    expect(util.dynamodb.toS3Object('foo', 'bar', 'baz')).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' });
    expect(util.dynamodb.fromS3ObjectJson(attribute.S)).toEqual({ key: 'foo', bucket: 'bar', region: 'baz', version: 'beep' });
  });
});

describe('authType', () => {
  it.each([
    [undefined, 'API Key Authorization'],
    ['API_KEY', 'API Key Authorization'],
    ['AWS_IAM', 'IAM Authorization'],
    ['AMAZON_COGNITO_USER_POOLS', 'User Pool Authorization'],
    ['OPENID_CONNECT', 'Open ID Connect Authorization'],
    ['AWS_LAMBDA', 'Lambda Authorization'],
  ])('%s → %s', (authMode, expected) => {
    instance.beginInvocation({ fieldName: 'f', parentTypeName: 'Query', authMode: authMode as any });
    expect(util.authType()).toBe(expected);
  });
});
