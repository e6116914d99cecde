/**
 * Pieces shared by the statement builders, with AWS's rules and error sentences: the table
 * (`table`, or `from` in `select` only), column lists, `RETURNING`, `WHERE`, and the payload
 * checks. An empty column list renders nothing (`SELECT FROM`, `RETURNING`), as on AWS.
 */
import { isAggregate, partsOfAggregate } from './agg.js';
import { conditionParts } from './conditions.js';
import { ident, isPlainObject, isStatement, joinParts, parenthesized, partsOf, text, type Part } from './fragment.js';
import { moduleError } from '../module-error.js';
import { warnAtCallSite } from '../warnings.js';

/** The payload keys every statement kind reads. */
export interface TablePayload {
  table?: unknown;
  from?: unknown;
}

const isNullish = (candidate: unknown): boolean => candidate === undefined || candidate === null;

/**
 * The payload of `select`, `insert`, `update` or `remove`.
 * @param argumentCount how many arguments the builder got: none is its own error on AWS
 */
export function requirePayload<T extends object>(payload: unknown, argumentCount: number, kind: string): T {
  if (argumentCount === 0 || payload === undefined) throw moduleError(`An argument is expected to be passed to ${kind}`);
  if (!isPlainObject(payload)) throw moduleError('Expected payload to be an Object.');
  return payload as T;
}

/** `select`'s source: `table` or `from` (a name, a one-entry alias object or a subquery). */
export function selectSourceParts(payload: TablePayload): Part[] {
  const hasTable = !isNullish(payload.table);
  const hasFrom = !isNullish(payload.from);
  if (hasTable && hasFrom) throw moduleError("'from' and 'table' keys cannot be used together");
  if (hasTable) return tableParts(payload);
  if (!hasFrom) throw moduleError("'table' or 'from' key is required.");
  const from = payload.from;
  if (typeof from === 'string') return [ident(from)];
  if (isStatement(from)) return parenthesized([...partsOf(from)]);
  if (isPlainObject(from)) return tableAliasParts(from);
  throw moduleError("'from' value is expected to be string or object.");
}

/** `insert`, `update` and `remove` read `table` only; AWS ignores a `from` beside it. */
export function tableParts(payload: TablePayload): Part[] {
  const table = payload.table;
  if (isNullish(table)) throw moduleError("'table' or 'from' key is required.");
  if (typeof table === 'string') return [ident(table)];
  if (isPlainObject(table)) return tableAliasParts(table);
  throw moduleError('table name is expected to be a string or alias.');
}

/** `{ alias: table }` with exactly one entry: `"table" as "alias"`. */
function tableAliasParts(alias: Record<string, unknown>): Part[] {
  const keys = Object.keys(alias);
  // AWS's own (Java) text for an empty alias object.
  if (keys.length === 0) throw moduleError('java.util.NoSuchElementException');
  if (keys.length > 1) throw moduleError('table alias is allowed only one key-value pair.');
  const name = keys[0] as string;
  const source = alias[name];
  if (typeof source === 'string') return [ident(source), text(' as '), ident(name)];
  if (isStatement(source)) return [...parenthesized([...partsOf(source)]), text(' as '), ident(name)];
  throw moduleError('Table alias value is expected to be a string.');
}

/** `{ alias: column }` entries of a column list or `using`: `source as "alias"`, comma-separated. */
export function aliasParts(aliases: Record<string, unknown>): Part[] {
  return joinParts(
    Object.keys(aliases).map((alias) => {
      const source = aliases[alias];
      if (typeof source === 'string') return [ident(source), text(' as '), ident(alias)];
      if (isStatement(source)) return [...parenthesized([...partsOf(source)]), text(' as '), ident(alias)];
      if (isAggregate(source)) return [...partsOfAggregate(source), text(' as '), ident(alias)];
      throw moduleError('Invalid type in column array.');
    }),
    ', ',
  );
}

/** A column list: `*` (also for null), or names, alias objects and aggregates; `[]` is empty. */
export function columnListParts(columns: unknown): Part[] {
  if (isNullish(columns) || columns === '*') return [text('*')];
  if (!Array.isArray(columns)) throw moduleError('Expected column to be * or an array.');
  return joinParts(
    columns.map((column) => {
      if (column === '*') return [text('*')];
      if (typeof column === 'string') return [ident(column)];
      if (isAggregate(column)) return partsOfAggregate(column);
      if (isPlainObject(column)) return aliasParts(column);
      throw moduleError('Invalid type in column array.');
    }),
    ', ',
  );
}

/** `KEYWORD body`, or the keyword alone when the body is empty (AWS keeps it: `RETURNING`, `SET`). */
export function keywordParts(keyword: string, body: Part[]): Part[] {
  return body.length > 0 ? [text(`${keyword} `), ...body] : [text(keyword)];
}

/** ` RETURNING …` (PostgreSQL only), or nothing. */
export function returningParts(returning: unknown): Part[] {
  if (isNullish(returning)) return [];
  return [{ kind: 'pgOnly', feature: 'RETURNING' }, text(' '), ...keywordParts('RETURNING', columnListParts(returning))];
}

/** ` WHERE …` (or ` HAVING …`), or nothing when the condition adds nothing. */
export function whereParts(where: unknown, keyword = 'WHERE'): Part[] {
  if (isNullish(where)) return [];
  const condition = conditionParts(where);
  if (condition.length === 0 && isPlainObject(where) && Object.keys(where).length > 0) {
    warnAtCallSite(
      `${keyword.toLowerCase()}: every condition here adds nothing, so AWS writes no ${keyword} and the statement applies to every row.`,
    );
  }
  return condition.length === 0 ? [] : [text(` ${keyword} `), ...condition];
}

/**
 * The statement's parts with trailing blanks removed: AWS's text ends without them even when a
 * condition left a dangling `AND`.
 */
export function trimmedEnd(parts: Part[]): Part[] {
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') return [...parts.slice(0, -1), text(last.text.trimEnd())];
  return parts;
}
