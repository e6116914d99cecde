/**
 * `agg.*`: aggregate columns for `select({ columns })` and aggregate conditions in `having`.
 * Rendered as `FN("column")` or `FN(DISTINCT "column")` (our choice: AWS output for aggregates has
 * not been captured; the d.ts only declares the functions).
 */
import { ident, text, type Part } from './fragment.js';
import { moduleError } from '../module-error.js';

const AGGREGATE = Symbol('rds.aggregate');

/** What an `agg.*` call returns. Opaque to resolver code. */
export interface Aggregate {
  readonly [AGGREGATE]: { fn: string; distinct: boolean; column: string };
}

/** The aggregate functions, by the name used in `agg.*` and in `having` conditions. */
export const AGGREGATE_FUNCTIONS: Record<string, { fn: string; distinct: boolean }> = {
  max: { fn: 'MAX', distinct: false },
  maxDistinct: { fn: 'MAX', distinct: true },
  min: { fn: 'MIN', distinct: false },
  minDistinct: { fn: 'MIN', distinct: true },
  count: { fn: 'COUNT', distinct: false },
  countDistinct: { fn: 'COUNT', distinct: true },
  avg: { fn: 'AVG', distinct: false },
  avgDistinct: { fn: 'AVG', distinct: true },
  sum: { fn: 'SUM', distinct: false },
  sumDistinct: { fn: 'SUM', distinct: true },
};

function aggregate(name: string) {
  const { fn, distinct } = AGGREGATE_FUNCTIONS[name] as { fn: string; distinct: boolean };
  return (column: string): Aggregate => {
    if (typeof column !== 'string' || column === '') throw moduleError(`agg.${name} needs a column name`);
    return { [AGGREGATE]: { fn, distinct, column } };
  };
}

/** The `agg` export of `@aws-appsync/utils/rds`. */
export const agg = Object.fromEntries(Object.keys(AGGREGATE_FUNCTIONS).map((name) => [name, aggregate(name)]));

/** True when `candidate` came from `agg.*`. */
export function isAggregate(candidate: unknown): candidate is Aggregate {
  return typeof candidate === 'object' && candidate !== null && AGGREGATE in candidate;
}

/** `FN("column")` or `FN(DISTINCT "column")`. */
export function aggregateParts(fn: string, distinct: boolean, column: string): Part[] {
  // COUNT(*) counts rows: the star stays bare (a quoted "*" would name a column).
  return [text(`${fn}(${distinct ? 'DISTINCT ' : ''}`), column === '*' ? text('*') : ident(column), text(')')];
}

/** Parts of an `agg.*` value. */
export function partsOfAggregate(value: Aggregate): Part[] {
  const { fn, distinct, column } = value[AGGREGATE];
  return aggregateParts(fn, distinct, column);
}
