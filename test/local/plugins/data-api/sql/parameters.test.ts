import { describe, expect, it } from 'vitest';
import { bindParameters } from '../../../../../local/plugins/data-api/sql/parameters.js';

describe('bindParameters', () => {
  it('binds each :name once, typed as the Data API types it, keeping ::casts', () => {
    const bound = bindParameters('select :id::uuid, :n, :id, :flag, :when', [
      { name: 'id', value: { stringValue: 'x' } },
      { name: 'n', value: { longValue: 7 } },
      { name: 'flag', value: { booleanValue: false } },
      { name: 'when', value: { stringValue: '2024-01-31' }, typeHint: 'DATE' },
    ]);
    expect(bound.sql).toBe('select $1::text::uuid, $2::int8, $1::text, $3::bool, $4::date');
    expect(bound.values).toEqual(['x', '7', 'false', '2024-01-31']);
  });

  it('leaves placeholders inside literals, comments, dollar bodies and unknown names alone', () => {
    const sql = 'select \':a\', ":a", $$ :a $$, arr[1:2] -- :a\n, :a';
    const bound = bindParameters(sql, [{ name: 'a', value: { isNull: true } }]);
    expect(bound.sql).toBe('select \':a\', ":a", $$ :a $$, arr[1:2] -- :a\n, $1');
    expect(bound.values).toEqual([null]);
  });

  it('maps an error position in the bound SQL back to the caller SQL', () => {
    const bound = bindParameters('select :a + x', [{ name: 'a', value: { longValue: 1 } }]);
    // "select $1::int8 + x": the x is at 1-based 19 in the bound SQL, 13 in the original.
    expect(bound.originalPosition(19)).toBe(13);
    expect(bound.originalPosition(9)).toBe(8);
  });

  it('refuses array parameters with ValidationException', () => {
    expect(() => bindParameters('select :a', [{ name: 'a', value: { arrayValue: { longValues: [1] } } }])).toThrow(
      expect.objectContaining({ awsName: 'ValidationException', message: 'Array parameters are not supported.' }),
    );
  });
});
