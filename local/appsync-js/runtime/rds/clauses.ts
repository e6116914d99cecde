/**
 * Pieces shared by the statement builders: the table (`table` or `from`), column lists with alias
 * objects and aggregates, `RETURNING` and `WHERE`.
 */
import { isAggregate, partsOfAggregate } from './agg.js';
import { conditionParts } from './conditions.js';
import {
  ident, isPlainObject, isStatement, joinParts, parenthesized, partsOf, text, type Part,
} from './fragment.js';

/** The payload keys every statement kind reads. */
export interface TablePayload { table?: unknown; from?: unknown }

/** `"t"`, `"t" as "a"`, `(SELECT …)` or `(SELECT …) as "a"` from `table` / `from`. */
export function tableParts(payload: TablePayload, statementKind: string): Part[] {
  const hasTable = payload.table !== undefined && payload.table !== null;
  const hasFrom = payload.from !== undefined && payload.from !== null;
  if (hasTable === hasFrom) throw new Error(`${statementKind} needs exactly one of "table" or "from"`);
  const source = hasTable ? payload.table : payload.from;
  if (typeof source === 'string') return [ident(requireName(source, statementKind))];
  if (isStatement(source) && hasFrom) return parenthesized([...partsOf(source)]);
  if (isPlainObject(source)) return aliasParts(source, statementKind);
  throw new Error(`${statementKind}: "${hasTable ? 'table' : 'from'}" must be a table name or an alias object`);
}

/** `{ alias: source }` objects: each entry as `source as "alias"`, comma-separated. */
export function aliasParts(aliases: Record<string, unknown>, where: string): Part[] {
  const entries = Object.keys(aliases);
  if (entries.length === 0) throw new Error(`${where}: an alias object needs at least one entry`);
  return joinParts(entries.map((alias) => [...aliasedSource(aliases[alias], where), text(' as '), ident(alias)]), ', ');
}

function aliasedSource(source: unknown, where: string): Part[] {
  if (typeof source === 'string') return [ident(requireName(source, where))];
  if (isStatement(source)) return parenthesized([...partsOf(source)]);
  if (isAggregate(source)) return partsOfAggregate(source);
  throw new Error(`${where}: an alias must name a column, a table, an aggregate or a statement`);
}

/** A column list: `*`, or names, alias objects and aggregates. */
export function columnListParts(columns: unknown, where: string): Part[] {
  if (columns === undefined || columns === null || columns === '*') return [text('*')];
  if (!Array.isArray(columns)) throw new Error(`${where} must be '*' or an array of columns`);
  if (columns.length === 0) return [text('*')];
  return joinParts(columns.map((column) => {
    if (typeof column === 'string') return [column === '*' ? text('*') : ident(requireName(column, where))];
    if (isAggregate(column)) return partsOfAggregate(column);
    if (isPlainObject(column)) return aliasParts(column, where);
    throw new Error(`${where}: a column must be a name, an alias object or an agg.* value`);
  }), ', ');
}

/** ` RETURNING …` (PostgreSQL only), or nothing. */
export function returningParts(returning: unknown): Part[] {
  if (returning === undefined || returning === null) return [];
  return [{ kind: 'pgOnly', feature: 'returning' }, text(' RETURNING '), ...columnListParts(returning, 'returning')];
}

/** ` WHERE …`, or nothing when there is no condition. */
export function whereParts(where: unknown, clause = 'where'): Part[] {
  if (where === undefined || where === null) return [];
  const condition = conditionParts(where, clause);
  return condition.length === 0 ? [] : [text(` ${clause.toUpperCase()} `), ...condition];
}

/** A non-empty identifier. */
export function requireName(name: string, where: string): string {
  if (name.trim() === '') throw new Error(`${where}: empty table or column name`);
  return name;
}
