import { describe, expect, it } from 'vitest';
import { builtInType, catalogTypeInfo } from '../../../../../local/plugins/data-api/types/pg-types.js';
import { parsePgArray } from '../../../../../local/plugins/data-api/types/pg-array.js';
import { toField } from '../../../../../local/plugins/data-api/types/to-field.js';

const type = (oid: number) => {
  const info = builtInType(oid);
  if (!info) throw new Error(`no built-in type ${oid}`);
  return info;
};

describe('toField', () => {
  it('converts timetz to UTC across midnight, with minute and negative offsets', () => {
    expect(toField('01:30:00+02', type(1266))).toEqual({ stringValue: '23:30:00' });
    expect(toField('22:15:30.25-05:30', type(1266))).toEqual({ stringValue: '03:45:30.25' });
  });

  it('converts a timestamptz printed with another offset (a caller SET TimeZone) to UTC', () => {
    expect(toField('2024-01-01 01:30:00.25-03:30', type(1184))).toEqual({ stringValue: '2024-01-01 05:00:00.25' });
    expect(toField('2024-03-01 00:30:00+09', type(1184))).toEqual({ stringValue: '2024-02-29 15:30:00' });
    expect(toField('infinity', type(1184))).toEqual({ stringValue: 'infinity' });
    expect(toField('2024-01-31 10:34:56', type(1114))).toEqual({ stringValue: '2024-01-31 10:34:56' });
  });

  it('drops the UTC offset of timestamptz, keeping fractional seconds as printed', () => {
    expect(toField('2024-01-31 10:34:56.789+00', type(1184))).toEqual({ stringValue: '2024-01-31 10:34:56.789' });
    expect(toField('2024-01-31 10:34:56+00', type(1184))).toEqual({ stringValue: '2024-01-31 10:34:56' });
  });

  it('reads bytea hex output as bytes and booleans from t/f', () => {
    expect(toField('\\x00ff10', type(17))).toEqual({ blobValue: new Uint8Array([0, 255, 16]) });
    expect(toField('f', type(16))).toEqual({ booleanValue: false });
  });

  it('applies DOUBLE_OR_LONG per value and longReturnType STRING to integers only', () => {
    expect(toField('-12', type(1700), { decimalReturnType: 'DOUBLE_OR_LONG' })).toEqual({ longValue: -12 });
    expect(toField('NaN', type(1700), { decimalReturnType: 'DOUBLE_OR_LONG' })).toEqual({ doubleValue: NaN });
    expect(toField('7', type(21), { longReturnType: 'STRING' })).toEqual({ stringValue: '7' });
    expect(toField('1.5', type(701), { longReturnType: 'STRING' })).toEqual({ doubleValue: 1.5 });
  });
});

describe('parsePgArray', () => {
  it('reads quoted elements with escapes, NULL and the quoted "NULL" string', () => {
    expect(parsePgArray('{a,"b c","q\\"x","back\\\\slash",NULL,"NULL"}')).toEqual(['a', 'b c', 'q"x', 'back\\slash', null, 'NULL']);
  });

  it('accepts a dimension prefix and refuses more than one dimension', () => {
    expect(parsePgArray('[0:1]={5,6}')).toEqual(['5', '6']);
    expect(parsePgArray('{{1,2},{3,4}}')).toBeUndefined();
    expect(parsePgArray('[1:2][1:1]={{1},{2}}')).toBeUndefined();
  });
});

describe('catalogTypeInfo', () => {
  it('treats enums, citext and vector as strings and other non-built-in types as unsupported', () => {
    expect(catalogTypeInfo({ name: 'mood', type: 'e', elementOid: 0 }).kind).toBe('string');
    expect(catalogTypeInfo({ name: 'citext', type: 'b', elementOid: 0 }).kind).toBe('string');
    expect(catalogTypeInfo({ name: 'vector', type: 'b', elementOid: 0 }).kind).toBe('string');
    expect(catalogTypeInfo({ name: 'interval', type: 'b', elementOid: 0 }).kind).toBe('unsupported');
    expect(toField(null, catalogTypeInfo({ name: 'interval', type: 'b', elementOid: 0 }))).toEqual({ isNull: true });
  });
});
