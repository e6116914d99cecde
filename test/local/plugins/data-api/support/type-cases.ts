import { ExecuteStatementCommand, UnsupportedResultException } from '@aws-sdk/client-rds-data';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteContext } from './suite.js';

/** PostgreSQL → Field for every type in the mapping, through the SDK. */
export function defineTypeCases(suite: SuiteContext): void {
  describe('result types', () => {
    beforeAll(async () => {
      await suite.sql(`create type ${suite.schema}.mood as enum ('sad', 'ok')`);
    });

    const select = async (sql: string, options: object = {}) =>
      suite.dataApi.client.send(new ExecuteStatementCommand({ ...suite.dataApi.arns, sql, includeResultMetadata: true, ...options }));

    it('maps every scalar type to its Field member and format', async () => {
      const out = await select(
        `select 1::int2, 2::int4, 9007199254740991::int8, 1.5::float4, 2.25::float8, 123456.7890::numeric(12,4), true, false,
          'txt'::text, 'v'::varchar(5), 'ab'::char(4), 'nm'::name, 'sad'::${suite.schema}.mood,
          '1b4e28ba-2fa1-11d2-883f-0016d3cca427'::uuid, '10.0.0.1'::inet, '10.0.0.0/8'::cidr, 42::oid,
          '{"a": [1,2]}'::json, '{"b":1}'::jsonb, '\\x0001ff'::bytea,
          '2024-02-29'::date, '12:34:56.789'::time, '12:34:56+02'::timetz,
          '2024-01-31 12:34:56.789'::timestamp, '2024-01-31 12:34:56.789+02'::timestamptz, '2024-01-31 00:00:00+00'::timestamptz,
          pg_advisory_xact_lock(1), null::int4`,
      );
      expect(out.records).toEqual([
        [
          { longValue: 1 },
          { longValue: 2 },
          { longValue: 9007199254740991 },
          { doubleValue: 1.5 },
          { doubleValue: 2.25 },
          { stringValue: '123456.7890' },
          { booleanValue: true },
          { booleanValue: false },
          { stringValue: 'txt' },
          { stringValue: 'v' },
          { stringValue: 'ab  ' },
          { stringValue: 'nm' },
          { stringValue: 'sad' },
          { stringValue: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' },
          { stringValue: '10.0.0.1' },
          { stringValue: '10.0.0.0/8' },
          { stringValue: '42' },
          { stringValue: '{"a": [1,2]}' },
          { stringValue: '{"b": 1}' },
          { blobValue: new Uint8Array([0, 1, 255]) },
          { stringValue: '2024-02-29' },
          { stringValue: '12:34:56.789' },
          { stringValue: '10:34:56' },
          { stringValue: '2024-01-31 12:34:56.789' },
          { stringValue: '2024-01-31 10:34:56.789' },
          { stringValue: '2024-01-31 00:00:00' },
          { stringValue: '' },
          { isNull: true },
        ],
      ]);
      expect(out.columnMetadata?.map((column) => `${column.typeName}:${column.type}`)).toEqual([
        'int2:5',
        'int4:4',
        'int8:-5',
        'float4:7',
        'float8:8',
        'numeric:2',
        'bool:-7',
        'bool:-7',
        'text:12',
        'varchar:12',
        'bpchar:1',
        'name:12',
        'mood:12',
        'uuid:1111',
        'inet:1111',
        'cidr:1111',
        'oid:-5',
        'json:1111',
        'jsonb:1111',
        'bytea:-2',
        'date:91',
        'time:92',
        'timetz:92',
        'timestamp:93',
        'timestamptz:93',
        'timestamptz:93',
        'void:1111',
        'int4:4',
      ]);
    });

    it('maps one-dimensional arrays to arrayValue, NULL elements included', async () => {
      const out = await select(
        `select array[1,null,3]::int4[], array[1.5,null]::float8[], array[true,false], array['a',null,'b,c','q"t']::text[],
          array['2024-01-01 10:00:00+02']::timestamptz[], array['1b4e28ba-2fa1-11d2-883f-0016d3cca427']::uuid[], array[1.50]::numeric[],
          array['2024-02-29']::date[], array['{"a":1}']::jsonb[], array['ok']::${suite.schema}.mood[], '{}'::int8[]`,
      );
      expect(out.records).toEqual([
        [
          { arrayValue: { longValues: [1, null, 3] } },
          { arrayValue: { doubleValues: [1.5, null] } },
          { arrayValue: { booleanValues: [true, false] } },
          { arrayValue: { stringValues: ['a', null, 'b,c', 'q"t'] } },
          { arrayValue: { stringValues: ['2024-01-01 08:00:00'] } },
          { arrayValue: { stringValues: ['1b4e28ba-2fa1-11d2-883f-0016d3cca427'] } },
          { arrayValue: { stringValues: ['1.50'] } },
          { arrayValue: { stringValues: ['2024-02-29'] } },
          { arrayValue: { stringValues: ['{"a": 1}'] } },
          { arrayValue: { stringValues: ['ok'] } },
          { arrayValue: { longValues: [] } },
        ],
      ]);
      expect(out.columnMetadata?.slice(0, 4).map((column) => [column.typeName, column.type, column.arrayBaseColumnType])).toEqual([
        ['_int4', 2003, 4],
        ['_float8', 2003, 8],
        ['_bool', 2003, -7],
        ['_text', 2003, 12],
      ]);
    });

    it.each([
      ['interval', `select '1 day'::interval`],
      ['money', `select 1::money`],
      ['point', `select point(1, 2)`],
      ['_int4 with more than one dimension', `select array[[1,2],[3,4]]`],
      ['_bytea', `select array['\\x01'::bytea]`],
    ])('refuses %s with UnsupportedResultException', async (typeName, sql) => {
      const failure = select(sql);
      await expect(failure).rejects.toBeInstanceOf(UnsupportedResultException);
      await expect(failure).rejects.toMatchObject({ message: `The result contains the unsupported data type ${typeName}` });
    });

    it('resultSetOptions: longReturnType STRING and decimalReturnType DOUBLE_OR_LONG', async () => {
      const out = await select(`select 9223372036854775807::int8, 12::numeric, 1.50::numeric(4,2)`, {
        resultSetOptions: { longReturnType: 'STRING', decimalReturnType: 'DOUBLE_OR_LONG' },
      });
      expect(out.records).toEqual([[{ stringValue: '9223372036854775807' }, { longValue: 12 }, { doubleValue: 1.5 }]]);
    });

    it('formatRecordsAs JSON returns formattedRecords keyed by label, without records or metadata', async () => {
      const out = await select(
        `select 1::int8 as id, 'x' as name, 1.50::numeric as price, true as ok, null::text as nothing, '\\x01'::bytea as raw,
          array[1,2] as arr, '2024-01-31 10:00:00+00'::timestamptz as at, '{"a":1}'::jsonb as doc`,
        { formatRecordsAs: 'JSON' },
      );
      expect(out.records).toBeUndefined();
      expect(out.columnMetadata).toBeUndefined();
      expect(JSON.parse(out.formattedRecords!)).toEqual([
        { id: 1, name: 'x', price: '1.50', ok: true, nothing: null, raw: 'AQ==', arr: [1, 2], at: '2024-01-31 10:00:00', doc: '{"a": 1}' },
      ]);
      const asStrings = await select(`select 1::int8 as id, 2.5::numeric as n`, {
        formatRecordsAs: 'JSON',
        resultSetOptions: { longReturnType: 'STRING', decimalReturnType: 'DOUBLE_OR_LONG' },
      });
      expect(JSON.parse(asStrings.formattedRecords!)).toEqual([{ id: '1', n: 2.5 }]);
    });

    it('formatRecordsAs JSON refuses duplicate column labels with BadRequestException', async () => {
      await expect(select(`select 1 as a, 2 as a`, { formatRecordsAs: 'JSON' })).rejects.toMatchObject({ name: 'BadRequestException' });
    });
  });

  describe('parameter types', () => {
    let table: string;
    beforeAll(async () => {
      table = `${suite.schema}.typed`;
      await suite.sql(
        `create table ${table} (id int8, d date, t time, ts timestamptz, n numeric(10,3), j jsonb, u uuid, f float8, b bool, raw bytea, s text)`,
      );
    });

    it('binds every Field member and every typeHint to the matching PostgreSQL type', async () => {
      const { client, arns } = suite.dataApi;
      await client.send(
        new ExecuteStatementCommand({
          ...arns,
          sql: `insert into ${table} values (:id, :d, :t, :ts, :n, :j, :u, :f, :b, :raw, :s)`,
          parameters: [
            { name: 'id', value: { longValue: 9007199254740991 } },
            { name: 'd', value: { stringValue: '2024-01-31' }, typeHint: 'DATE' },
            { name: 't', value: { stringValue: '12:34:56.5' }, typeHint: 'TIME' },
            { name: 'ts', value: { stringValue: '2024-01-31 12:34:56.789' }, typeHint: 'TIMESTAMP' },
            { name: 'n', value: { stringValue: '12345.678' }, typeHint: 'DECIMAL' },
            { name: 'j', value: { stringValue: '{"k":[1,"two"]}' }, typeHint: 'JSON' },
            { name: 'u', value: { stringValue: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' }, typeHint: 'UUID' },
            { name: 'f', value: { doubleValue: 0.1 } },
            { name: 'b', value: { booleanValue: true } },
            { name: 'raw', value: { blobValue: new Uint8Array([222, 173, 190, 239]) } },
            { name: 's', value: { isNull: true } },
          ],
        }),
      );
      const out = await client.send(new ExecuteStatementCommand({ ...arns, sql: `select * from ${table}` }));
      expect(out.records).toEqual([
        [
          { longValue: 9007199254740991 },
          { stringValue: '2024-01-31' },
          { stringValue: '12:34:56.5' },
          { stringValue: '2024-01-31 12:34:56.789' },
          { stringValue: '12345.678' },
          { stringValue: '{"k": [1, "two"]}' },
          { stringValue: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' },
          { doubleValue: 0.1 },
          { booleanValue: true },
          { blobValue: new Uint8Array([222, 173, 190, 239]) },
          { isNull: true },
        ],
      ]);
    });

    it('a stringValue without typeHint is text: uuid and timestamp columns refuse it unless cast', async () => {
      const { client, arns } = suite.dataApi;
      const uuid = { name: 'u', value: { stringValue: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' } };
      await expect(
        client.send(new ExecuteStatementCommand({ ...arns, sql: `insert into ${table} (u) values (:u)`, parameters: [uuid] })),
      ).rejects.toMatchObject({
        name: 'DatabaseErrorException',
        message:
          'ERROR: column "u" is of type uuid but expression is of type text; Hint: You will need to rewrite or cast the expression.; Position: ' +
          `${`insert into ${table} (u) values (`.length + 1}; SQLState: 42804`,
      });
      const cast = await client.send(
        new ExecuteStatementCommand({ ...arns, sql: `insert into ${table} (u) values (:u::uuid)`, parameters: [uuid] }),
      );
      expect(cast.numberOfRecordsUpdated).toBe(1);
    });
  });
}
