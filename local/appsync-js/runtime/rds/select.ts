/**
 * `select(payload)`: `SELECT cols FROM t [joins] [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT]
 * [OFFSET]`. Values, limit and offset become placeholders in that order (captured example 1).
 */
import { aliasParts, columnListParts, tableParts, whereParts, type TablePayload } from './clauses.js';
import { conditionParts } from './conditions.js';
import {
  ident, isPlainObject, isStatement, joinParts, makeStatement, partsOf, text, value, type Part, type Statement,
} from './fragment.js';

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
  columns?: unknown; where?: unknown; orderBy?: unknown; limit?: unknown; offset?: unknown;
  groupBy?: unknown; having?: unknown; [join: string]: unknown;
}

/** The `select` export of `@aws-appsync/utils/rds`. */
export function select(payload: SelectPayload): Statement {
  if (!isPlainObject(payload)) throw new Error('select needs a payload object');
  const parts: Part[] = [
    text('SELECT '), ...columnListParts(payload.columns, 'select columns'),
    text(' FROM '), ...tableParts(payload, 'select'),
    ...joinsParts(payload),
    ...whereParts(payload.where),
    ...groupByParts(payload.groupBy),
    ...whereParts(payload.having, 'having'),
    ...orderByParts(payload.orderBy),
    ...numberClause('LIMIT', payload.limit),
    ...numberClause('OFFSET', payload.offset),
  ];
  return makeStatement(parts);
}

function joinsParts(payload: SelectPayload): Part[] {
  const parts: Part[] = [];
  for (const key of Object.keys(payload)) {
    const keyword = JOINS[key];
    if (keyword === undefined) continue;
    const joins = payload[key];
    if (!Array.isArray(joins)) throw new Error(`${key} must be an array of join objects`);
    for (const join of joins) {
      if (!isPlainObject(join)) throw new Error(`${key}: each join must be an object with table or from`);
      parts.push(text(` ${keyword} `), ...tableParts(join, key));
      if (join.on !== undefined && join.using !== undefined) throw new Error(`${key}: use either "on" or "using", not both`);
      if (join.on !== undefined) {
        const on = conditionParts(join.on, `${key} on`);
        if (on.length > 0) parts.push(text(' ON '), ...on);
      }
      if (join.using !== undefined) parts.push(text(' USING ('), ...usingParts(join.using, key), text(')'));
    }
  }
  return parts;
}

function usingParts(using: unknown, key: string): Part[] {
  if (!Array.isArray(using) || using.length === 0) throw new Error(`${key}: "using" must be a non-empty array of columns`);
  return joinParts(using.map((column) => {
    if (typeof column === 'string') return [ident(column)];
    if (isPlainObject(column)) return aliasParts(column, `${key} using`);
    throw new Error(`${key}: "using" entries must be column names`);
  }), ', ');
}

function groupByParts(groupBy: unknown): Part[] {
  if (groupBy === undefined || groupBy === null) return [];
  if (!Array.isArray(groupBy) || groupBy.length === 0) throw new Error('groupBy must be a non-empty array of columns');
  return [text(' GROUP BY '), ...joinParts(groupBy.map((column) => {
    if (typeof column === 'string') return [ident(column)];
    // A position in the select list: validated as an integer, so it is safe as SQL text.
    if (typeof column === 'number' && Number.isInteger(column) && column > 0) return [text(String(column))];
    throw new Error('groupBy entries must be column names or 1-based column positions');
  }), ', ')];
}

function orderByParts(orderBy: unknown): Part[] {
  if (orderBy === undefined || orderBy === null) return [];
  if (!Array.isArray(orderBy)) throw new Error('orderBy must be an array of { column, dir }');
  if (orderBy.length === 0) return [];
  return [text(' ORDER BY '), ...joinParts(orderBy.map((entry) => {
    if (!isPlainObject(entry) || typeof entry.column !== 'string') throw new Error('orderBy entries need a column name');
    const dir = entry.dir === undefined || entry.dir === null ? 'ASC' : String(entry.dir).toUpperCase();
    if (dir !== 'ASC' && dir !== 'DESC') throw new Error(`orderBy dir must be ASC or DESC, got "${String(entry.dir)}"`);
    return [ident(entry.column), text(` ${dir}`)];
  }), ', ')];
}

function numberClause(keyword: string, bound: unknown): Part[] {
  if (bound === undefined || bound === null) return [];
  if (isStatement(bound)) return [text(` ${keyword} `), ...partsOf(bound)];
  if (typeof bound !== 'number' || !Number.isInteger(bound) || bound < 0) {
    throw new Error(`${keyword.toLowerCase()} must be a non-negative integer`);
  }
  return [text(` ${keyword} `), value(bound)];
}
