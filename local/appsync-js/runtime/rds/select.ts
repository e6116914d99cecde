/**
 * `select(payload)`: `SELECT cols FROM t [joins] [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT]
 * [OFFSET]`. Values, limit and offset become placeholders in that order. `orderBy`, `limit` and
 * `offset` follow AWS: a `dir` that is not a string sorts ascending, a numeric string limit is
 * bound as a number. Joins, `groupBy` and `having` have no captured AWS output (our choices).
 */
import {
  aliasParts,
  columnListParts,
  keywordParts,
  requirePayload,
  selectSourceParts,
  trimmedEnd,
  whereParts,
  type TablePayload,
} from './clauses.js';
import { conditionParts } from './conditions.js';
import {
  ident,
  isPlainObject,
  isStatement,
  joinParts,
  makeStatement,
  partsOf,
  text,
  value,
  type Part,
  type Statement,
} from './fragment.js';
import { moduleError } from '../module-error.js';

/** Join payload keys and the SQL they produce. */
const JOINS: Record<string, string> = {
  join: 'JOIN',
  innerJoin: 'INNER JOIN',
  leftJoin: 'LEFT JOIN',
  leftOuterJoin: 'LEFT OUTER JOIN',
  rightJoin: 'RIGHT JOIN',
  rightOuterJoin: 'RIGHT OUTER JOIN',
  fullOuterJoin: 'FULL OUTER JOIN',
  crossJoin: 'CROSS JOIN',
  joinNatural: 'NATURAL JOIN',
  innerJoinNatural: 'NATURAL INNER JOIN',
  leftJoinNatural: 'NATURAL LEFT JOIN',
  leftOuterJoinNatural: 'NATURAL LEFT OUTER JOIN',
  rightJoinNatural: 'NATURAL RIGHT JOIN',
  rightOuterJoinNatural: 'NATURAL RIGHT OUTER JOIN',
  fullOuterJoinNatural: 'NATURAL FULL OUTER JOIN',
};

/** Options `select` reads. */
export interface SelectPayload extends TablePayload {
  columns?: unknown;
  where?: unknown;
  orderBy?: unknown;
  limit?: unknown;
  offset?: unknown;
  groupBy?: unknown;
  having?: unknown;
  [join: string]: unknown;
}

/** The `select` export of `@aws-appsync/utils/rds`. */
export function select(...args: unknown[]): Statement {
  const payload = requirePayload<SelectPayload>(args[0], args.length, 'select');
  const source = selectSourceParts(payload);
  const parts: Part[] = [
    ...keywordParts('SELECT', columnListParts(payload.columns)),
    text(' FROM '),
    ...source,
    ...joinsParts(payload),
    ...whereParts(payload.where),
    ...groupByParts(payload.groupBy),
    ...whereParts(payload.having, 'HAVING'),
    ...orderByParts(payload.orderBy),
    ...numberClause('LIMIT', payload.limit),
    ...numberClause('OFFSET', payload.offset),
  ];
  return makeStatement(trimmedEnd(parts));
}

function joinsParts(payload: SelectPayload): Part[] {
  const parts: Part[] = [];
  for (const key of Object.keys(payload)) {
    const keyword = JOINS[key];
    if (keyword === undefined) continue;
    const joins = payload[key];
    if (!Array.isArray(joins)) throw moduleError(`${key} must be an array of join objects`);
    for (const join of joins) {
      if (!isPlainObject(join)) throw moduleError(`${key}: each join must be an object with table or from`);
      parts.push(text(` ${keyword} `), ...selectSourceParts(join));
      if (join.on !== undefined && join.using !== undefined) throw moduleError(`${key}: use either "on" or "using", not both`);
      if (join.on !== undefined) {
        const on = conditionParts(join.on);
        if (on.length > 0) parts.push(text(' ON '), ...on);
      }
      if (join.using !== undefined) parts.push(text(' USING ('), ...usingParts(join.using, key), text(')'));
    }
  }
  return parts;
}

function usingParts(using: unknown, key: string): Part[] {
  if (!Array.isArray(using) || using.length === 0) throw moduleError(`${key}: "using" must be a non-empty array of columns`);
  return joinParts(
    using.map((column) => {
      if (typeof column === 'string') return [ident(column)];
      if (isPlainObject(column)) return aliasParts(column);
      throw moduleError(`${key}: "using" entries must be column names`);
    }),
    ', ',
  );
}

function groupByParts(groupBy: unknown): Part[] {
  if (groupBy === undefined || groupBy === null) return [];
  if (!Array.isArray(groupBy) || groupBy.length === 0) throw moduleError('groupBy must be a non-empty array of columns');
  return [
    text(' GROUP BY '),
    ...joinParts(
      groupBy.map((column) => {
        if (typeof column === 'string') return [ident(column)];
        // A position in the select list: validated as an integer, so it is safe as SQL text.
        if (typeof column === 'number' && Number.isInteger(column) && column > 0) return [text(String(column))];
        throw moduleError('groupBy entries must be column names or 1-based column positions');
      }),
      ', ',
    ),
  ];
}

function orderByParts(orderBy: unknown): Part[] {
  if (orderBy === undefined || orderBy === null) return [];
  if (!Array.isArray(orderBy)) throw moduleError('orderBy expects an array.');
  if (orderBy.length === 0) return [];
  return [
    text(' ORDER BY '),
    ...joinParts(
      orderBy.map((entry) => {
        if (!isPlainObject(entry)) throw moduleError('orderBy item expected to be an object.');
        if (typeof entry.column !== 'string') throw moduleError('orderBy item expected to have property column.');
        // AWS upper-cases a string dir and checks it; any other dir (null, a number, an object) sorts ascending.
        const dir = typeof entry.dir === 'string' ? entry.dir.toUpperCase() : 'ASC';
        if (dir !== 'ASC' && dir !== 'DESC') throw moduleError(`orderBy dir can have either ASC or DESC found ${String(entry.dir)}.`);
        return [ident(entry.column), text(` ${dir}`)];
      }),
      ', ',
    ),
  ];
}

/** A limit or offset: a number, or a string holding one (bound as a number), or a sql statement. */
function numberClause(keyword: string, bound: unknown): Part[] {
  if (bound === undefined || bound === null) return [];
  if (isStatement(bound)) return [text(` ${keyword} `), ...partsOf(bound)];
  const number = typeof bound === 'string' && bound.trim() !== '' ? Number(bound) : bound;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw moduleError(`${keyword.toLowerCase()} expects a number.`);
  return [text(` ${keyword} `), value(number)];
}
