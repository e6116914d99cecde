// toJsonObject: both Field naming families, one array per statement, rows keyed by label.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { rds, util } = freshRuntime();

const books = {
  sqlStatementResults: [
    {
      numberOfRecordsUpdated: 0,
      records: [
        [{ stringValue: 'Mark Twain' }, { stringValue: 'Adventures of Huckleberry Finn' }, { stringValue: '978-1948132817' }],
        [{ stringValue: 'Jack London' }, { stringValue: 'The Call of the Wild' }, { stringValue: '978-1948132275' }],
      ],
      columnMetadata: [
        { label: 'author', name: 'author' },
        { label: 'title', name: 'title' },
        { label: 'ISBN-13', name: 'ISBN-13' },
      ],
    },
  ],
};

describe('toJsonObject', () => {
  it('reads the AWS Books example from a JSON string', () => {
    expect(rds.toJsonObject(JSON.stringify(books))).toEqual([
      [
        { author: 'Mark Twain', title: 'Adventures of Huckleberry Finn', 'ISBN-13': '978-1948132817' },
        { author: 'Jack London', title: 'The Call of the Wild', 'ISBN-13': '978-1948132275' },
      ],
    ]);
  });

  it('reads ExecuteStatement fields, keys rows by label and leaves a SQL NULL column out of its row', () => {
    const result = {
      sqlStatementResults: [
        { numberOfRecordsUpdated: 1 },
        {
          records: [
            [
              { longValue: 3 },
              { booleanValue: true },
              { doubleValue: 1.5 },
              { isNull: true },
              { arrayValue: { stringValues: ['a', 'b'] } },
              { blobValue: 'AQI=' },
            ],
          ],
          columnMetadata: [
            { name: 'count', label: 'n' },
            { name: 'ok' },
            { label: 'ratio' },
            { label: 'gone' },
            { label: 'tags' },
            { label: 'bin' },
          ],
        },
      ],
    };
    expect(util.rds.toJsonObject(result)).toEqual([[], [{ n: 3, ok: true, ratio: 1.5, tags: ['a', 'b'], bin: 'AQI=' }]]);
  });

  it('reads the older ExecuteSql names of the d.ts', () => {
    const result = {
      sqlStatementResults: [
        {
          records: [
            [
              { bitValue: false },
              { bigIntValue: 9 },
              { intValue: 4 },
              { realValue: 0.5 },
              { arrayValues: [{ intValue: 1 }, { intValue: 2 }] },
              { structValue: { attributes: [{ stringValue: 'x' }] } },
            ],
          ],
          columnMetadata: ['a', 'b', 'c', 'd', 'e', 'f'].map((label) => ({ label })),
        },
      ],
    };
    expect(rds.toJsonObject(result)).toEqual([[{ a: false, b: 9, c: 4, d: 0.5, e: [1, 2], f: ['x'] }]]);
  });

  it('reads nested ExecuteStatement arrays and JSON-formatted records', () => {
    const result = {
      sqlStatementResults: [
        {
          records: [[{ arrayValue: { arrayValues: [{ longValues: [1, 2] }, { longValues: [3] }] } }]],
          columnMetadata: [{ label: 'grid' }],
        },
        { formattedRecords: '[{"id":"h1"}]' },
      ],
    };
    expect(rds.toJsonObject(result)).toEqual([[{ grid: [[1, 2], [3]] }], [{ id: 'h1' }]]);
  });

  it('explains input it cannot read', () => {
    expect(() => rds.toJsonObject('{not json')).toThrow('toJsonObject: the result is not valid JSON');
    expect(() => rds.toJsonObject({ rows: [] })).toThrow('toJsonObject: expected a Data API result with "sqlStatementResults"');
  });
});
