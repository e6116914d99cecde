/**
 * A small PostgreSQL lexer: just enough to find statement boundaries and `:name` placeholders
 * without being fooled by string literals, quoted identifiers, comments, dollar-quoted bodies
 * and `::type` casts. It does not validate SQL; PostgreSQL does that.
 */

/** What a slice of SQL text is, as far as splitting and parameter binding care. */
export type SqlTokenKind =
  | 'code' // anything that is none of the below (operators, numbers, whitespace)
  | 'word' // an unquoted identifier or keyword
  | 'literal' // '...', E'...', "...", $tag$...$tag$
  | 'comment' // -- to end of line, or a (nested) /* */ block
  | 'cast' // the `::` operator
  | 'placeholder' // `:name`, a Data API named parameter
  | 'semicolon';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Offset of the first character in the SQL string. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** For `placeholder`: the parameter name without the colon. For `word`: the word itself. */
  name?: string;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const PARAM_PART = /[A-Za-z0-9_]/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Splits `sql` into tokens. Unterminated literals or comments run to the end of the text. */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  let codeStart = -1;
  const flushCode = (): void => {
    if (codeStart >= 0) tokens.push({ kind: 'code', start: codeStart, end: i });
    codeStart = -1;
  };
  const push = (kind: SqlTokenKind, end: number, name?: string): void => {
    flushCode();
    tokens.push(name === undefined ? { kind, start: i, end } : { kind, start: i, end, name });
    i = end;
  };

  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      push('comment', eol < 0 ? sql.length : eol);
    } else if (c === '/' && next === '*') {
      push('comment', blockCommentEnd(sql, i));
    } else if (c === "'") {
      push('literal', quotedEnd(sql, i, "'", false));
    } else if (c === '"') {
      push('literal', quotedEnd(sql, i, '"', false));
    } else if (c === '$' && !(i > 0 && WORD_PART.test(sql[i - 1]!)) && DOLLAR_TAG.test(sql.slice(i, i + 64))) {
      const tag = DOLLAR_TAG.exec(sql.slice(i, i + 64))![0];
      const close = sql.indexOf(tag, i + tag.length);
      push('literal', close < 0 ? sql.length : close + tag.length);
    } else if (c === ':' && next === ':') {
      push('cast', i + 2);
    } else if (c === ':' && next !== undefined && PARAM_PART.test(next)) {
      let end = i + 1;
      while (end < sql.length && PARAM_PART.test(sql[end]!)) end++;
      push('placeholder', end, sql.slice(i + 1, end));
    } else if (c === ';') {
      push('semicolon', i + 1);
    } else if (WORD_START.test(c)) {
      let end = i + 1;
      while (end < sql.length && WORD_PART.test(sql[end]!)) end++;
      // E'...' / e'...' starts an escape string: let the quote branch see the E as its prefix.
      if (end === i + 1 && (c === 'E' || c === 'e') && sql[end] === "'") {
        push('literal', quotedEnd(sql, end, "'", true));
      } else {
        push('word', end, sql.slice(i, end));
      }
    } else {
      if (codeStart < 0) codeStart = i;
      i++;
    }
  }
  flushCode();
  return tokens;
}

/** End offset of a quoted run starting at `start`; a doubled quote is an escaped quote. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** PostgreSQL block comments nest. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}
