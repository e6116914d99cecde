// Every select option, rendered through createPgStatement (and MySQL where quoting differs).
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { select, sql, agg, typeHint, createPgStatement, createMySQLStatement } = freshRuntime().rds;
const pg = (payload: unknown) => createPgStatement(select(payload));

describe('select columns and tables', () => {
  it('quotes every dotted segment, a qualified * too, and leaves only a lone * bare (as AWS does)', () => {
    const request = pg({ table: 'public.hotel', columns: ['h.id', 'h.*', '*'] });
    expect(request.statements).toEqual(['SELECT "h"."id", "h"."*", * FROM "public"."hotel"']);
  });

  it('reads a null or * column list as everything, and an empty list as no column at all', () => {
    expect(pg({ table: 't', columns: null }).statements).toEqual(['SELECT * FROM "t"']);
    expect(pg({ table: 't', columns: '*' }).statements).toEqual(['SELECT * FROM "t"']);
    expect(pg({ table: 't', columns: [] }).statements).toEqual(['SELECT FROM "t"']);
  });

  it('renders alias objects for columns and tables', () => {
    const request = pg({ table: { h: 'hotel' }, columns: [{ hotelName: 'h.name' }, 'id'] });
    expect(request.statements).toEqual(['SELECT "h"."name" as "hotelName", "id" FROM "hotel" as "h"']);
  });

  it('renders aggregates, plain and aliased', () => {
    const request = pg({ table: 'stay', columns: [agg.count('*'), agg.sumDistinct('nights'), { total: agg.max('amount') }] });
    expect(request.statements).toEqual(['SELECT COUNT(*), SUM(DISTINCT "nights"), MAX("amount") as "total" FROM "stay"']);
  });

  it('takes a subquery in from and in a column alias', () => {
    const inner = select({ table: 'stay', columns: ['hotel_id'], where: { nights: { gt: 2 } } });
    const request = pg({ from: { s: inner }, columns: [{ n: select({ table: 'hotel', columns: [agg.count('id')] }) }] });
    expect(request.statements).toEqual([
      'SELECT (SELECT COUNT("id") FROM "hotel") as "n" FROM (SELECT "hotel_id" FROM "stay" WHERE "nights" > :P0) as "s"',
    ]);
    expect(request.variableMap).toEqual({ ':P0': 2 });
  });

  it('doubles a quote character inside a name', () => {
    expect(pg({ table: 'we"ird' }).statements).toEqual(['SELECT * FROM "we""ird"']);
    expect(createMySQLStatement(select({ table: 'a`b', columns: ['x'] })).statements).toEqual(['SELECT `x` FROM `a``b`']);
  });
});

describe('select where', () => {
  it('writes every operator', () => {
    const request = pg({
      table: 't',
      where: {
        a: { eq: 1 },
        b: { ne: 2 },
        c: { gt: 3 },
        d: { lt: 4 },
        e: { ge: 5 },
        f: { le: 6 },
        g: { contains: 'x' },
        h: { beginsWith: 'y' },
        i: { notContains: 'z' },
        j: { between: [1, 9] },
        k: { attributeExists: true },
        l: { attributeExists: false },
        m: { size: { gt: 3 } },
      },
    });
    expect(request.statements).toEqual([
      'SELECT * FROM "t" WHERE "a" = :P0 AND "b" != :P1 AND "c" > :P2 AND "d" < :P3' +
        ' AND "e" >= :P4 AND "f" <= :P5 AND "g" LIKE :P6 AND "h" LIKE :P7 AND "i" NOT LIKE :P8' +
        ' AND "j" BETWEEN :P9 AND :P10 AND "k" IS NOT NULL AND "l" IS NULL AND LENGTH ("m") > :P11',
    ]);
    expect(request.variableMap).toEqual({
      ':P0': 1,
      ':P1': 2,
      ':P2': 3,
      ':P3': 4,
      ':P4': 5,
      ':P5': 6,
      ':P6': '%x%',
      ':P7': 'y%',
      ':P8': 'z',
      ':P9': 1,
      ':P10': 9,
      ':P11': 3,
    });
  });

  it('joins several operators on one column with a bare AND', () => {
    expect(pg({ table: 't', where: { n: { ge: 1, le: 5 } } }).statements).toEqual(['SELECT * FROM "t" WHERE "n" >= :P0 AND "n" <= :P1']);
  });

  it('nests and, or and not', () => {
    const request = pg({
      table: 't',
      where: { or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { not: [{ c: { eq: 3 } }] }] },
    });
    expect(request.statements).toEqual(['SELECT * FROM "t" WHERE (("a" = :P0) AND ("b" = :P1)) OR (NOT (("c" = :P2)))']);
  });

  it('accepts a sql statement as the condition', () => {
    const request = pg({ table: 't', where: sql`lower(name) = ${'x'}`, limit: 5 });
    expect(request.statements).toEqual(['SELECT * FROM "t" WHERE lower(name) = :P0 LIMIT :P1']);
    expect(request.variableMap).toEqual({ ':P0': 'x', ':P1': 5 });
  });

  it('passes type hints into the hint map', () => {
    const request = pg({ table: 't', where: { at: { ge: typeHint.DATE('2026-01-01') }, doc: { eq: typeHint.JSON({ a: 1 }) } } });
    expect(request.variableMap).toEqual({ ':P0': '2026-01-01', ':P1': '{"a":1}' });
    expect(request.variableTypeHintMap).toEqual({ ':P0': 'DATE', ':P1': 'JSON' });
  });

  it('leaves out an empty where', () => {
    expect(pg({ table: 't', where: {} }).statements).toEqual(['SELECT * FROM "t"']);
  });
});

describe('select grouping, ordering and joins', () => {
  it('renders groupBy, having with an aggregate, orderBy, limit and offset in order', () => {
    const request = pg({
      table: 'stay',
      columns: ['hotel_id', agg.count('id')],
      groupBy: ['hotel_id', 2],
      having: { id: { count: { gt: 10 } } },
      orderBy: [{ column: 'hotel_id', dir: 'desc' }],
      limit: 20,
      offset: 40,
    });
    expect(request.statements).toEqual([
      'SELECT "hotel_id", COUNT("id") FROM "stay" GROUP BY "hotel_id", 2 HAVING COUNT("id") > :P0 ORDER BY "hotel_id" DESC LIMIT :P1 OFFSET :P2',
    ]);
    expect(request.variableMap).toEqual({ ':P0': 10, ':P1': 20, ':P2': 40 });
  });

  it('renders every join kind with on or using, in payload order', () => {
    const request = pg({
      table: { h: 'hotel' },
      leftJoin: [{ table: { r: 'room' }, on: sql`r.hotel_id = h.id` }],
      innerJoin: [{ table: 'city', using: ['city_id'] }],
      crossJoin: [{ table: 'currency' }],
      where: { 'h.id': { eq: 'h1' } },
    });
    expect(request.statements).toEqual([
      'SELECT * FROM "hotel" as "h" LEFT JOIN "room" as "r" ON r.hotel_id = h.id' +
        ' INNER JOIN "city" USING ("city_id") CROSS JOIN "currency" WHERE "h"."id" = :P0',
    ]);
    const kinds = [
      'join',
      'rightJoin',
      'rightOuterJoin',
      'leftOuterJoin',
      'fullOuterJoin',
      'joinNatural',
      'innerJoinNatural',
      'leftJoinNatural',
      'leftOuterJoinNatural',
      'rightJoinNatural',
      'rightOuterJoinNatural',
      'fullOuterJoinNatural',
    ];
    const words = kinds.map((kind) =>
      pg({ table: 'a', [kind]: [{ table: 'b' }] }).statements[0].slice('SELECT * FROM "a" '.length, -' "b"'.length),
    );
    expect(words).toEqual([
      'JOIN',
      'RIGHT JOIN',
      'RIGHT OUTER JOIN',
      'LEFT OUTER JOIN',
      'FULL OUTER JOIN',
      'NATURAL JOIN',
      'NATURAL INNER JOIN',
      'NATURAL LEFT JOIN',
      'NATURAL LEFT OUTER JOIN',
      'NATURAL RIGHT JOIN',
      'NATURAL RIGHT OUTER JOIN',
      'NATURAL FULL OUTER JOIN',
    ]);
  });

  it('takes a condition object in on', () => {
    expect(pg({ table: 'a', join: [{ table: 'b', on: { 'b.kind': { eq: 'x' } } }] }).statements).toEqual([
      'SELECT * FROM "a" JOIN "b" ON "b"."kind" = :P0',
    ]);
  });
});

describe('select misuse throws a clear error', () => {
  it.each([
    [{ columns: ['a'] }, "'table' or 'from' key is required."],
    [{ table: 'a', from: 'b' }, "'from' and 'table' keys cannot be used together"],
    [{ table: 't', orderBy: [{ column: 'a', dir: 'UP' }] }, 'orderBy dir can have either ASC or DESC found UP.'],
    [
      { table: 't', where: { a: { between: [1] } } },
      'a.between condition expects an array with 2 values but received an array with length 1.',
    ],
    [{ table: 't', where: { a: { eq: null } } }, "Value for a.eq can't be null."],
    [{ table: 't', where: { a: { like: 'x' } } }, 'Unsupported condition a.like.'],
    [{ table: 't', where: { a: 'x' } }, 'Expected condition to be an Object.'],
    [{ table: 't', limit: 'five' }, 'limit expects a number.'],
    [{ table: 't', groupBy: [1.5] }, 'groupBy entries must be column names or 1-based column positions'],
    [{ table: 't', join: [{ table: 'b', on: sql`x`, using: ['id'] }] }, 'join: use either "on" or "using", not both'],
    [{ table: 't', columns: [42] }, 'Invalid type in column array.'],
  ])('%j', (payload, message) => {
    expect(() => select(payload)).toThrow(message);
  });
});
