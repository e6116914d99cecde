/**
 * The inner form of an RDS statement: a list of parts whose identifiers are quoted and whose
 * values become `:Pn` placeholders only when `createPgStatement` / `createMySQLStatement` renders
 * it, because the quote character depends on the engine and the numbering runs across the whole
 * request.
 */

/** Static SQL text, sent as is. */
export interface TextPart {
  kind: 'text';
  text: string;
}
/** A table or column name, quoted per dotted segment at render time. */
export interface IdentPart {
  kind: 'ident';
  name: string;
}
/** A dynamic value: always a placeholder, never SQL text. */
export interface ValuePart {
  kind: 'value';
  value: unknown;
}
/** A feature MySQL lacks (RETURNING): rendering for MySQL refuses it. */
export interface PgOnlyPart {
  kind: 'pgOnly';
  feature: string;
}

/** One piece of a statement. */
export type Part = TextPart | IdentPart | ValuePart | PgOnlyPart;

const STATEMENT = Symbol('rds.statement');

/** What `sql`, `select`, `insert`, `update` and `remove` return. Opaque to resolver code. */
export interface Statement {
  readonly [STATEMENT]: readonly Part[];
}

/** Static text. */
export const text = (value: string): TextPart => ({ kind: 'text', text: value });
/** A name to quote. */
export const ident = (name: string): IdentPart => ({ kind: 'ident', name });
/** A value to bind. */
export const value = (bound: unknown): ValuePart => ({ kind: 'value', value: bound });

/** Wrap parts into a statement object. */
export function makeStatement(parts: Part[]): Statement {
  return { [STATEMENT]: parts };
}

/** True when `candidate` was built by this module. */
export function isStatement(candidate: unknown): candidate is Statement {
  return typeof candidate === 'object' && candidate !== null && STATEMENT in candidate;
}

/** The parts of a statement. */
export function partsOf(statement: Statement): readonly Part[] {
  return statement[STATEMENT];
}

/** `parts` between parentheses. */
export function parenthesized(parts: readonly Part[]): Part[] {
  return [text('('), ...parts, text(')')];
}

/** Join lists of parts with a separator. */
export function joinParts(lists: readonly (readonly Part[])[], separator: string): Part[] {
  const joined: Part[] = [];
  lists.forEach((list, index) => {
    if (index > 0) joined.push(text(separator));
    joined.push(...list);
  });
  return joined;
}

/** True for a plain `{…}` object (not an array, statement or null). */
export function isPlainObject(candidate: unknown): candidate is Record<string, unknown> {
  return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate) && !isStatement(candidate);
}
