import { tokenizeSql, type SqlToken } from './lexer.js';

/**
 * Splits a SQL script into its statements, one string each, without the separating `;`.
 * Semicolons inside literals, quoted identifiers, comments, dollar-quoted bodies and
 * SQL-standard `BEGIN ATOMIC ... END` function bodies do not split. Statements made only of
 * whitespace and comments are dropped; the text of each statement is trimmed.
 *
 * @example
 * splitSqlStatements("create table t(a int); -- note\ninsert into t values (1);")
 * // => ['create table t(a int)', '-- note\ninsert into t values (1)']
 */
export function splitSqlStatements(sql: string): string[] {
  return splitTokens(sql, tokenizeSql(sql));
}

/** {@link splitSqlStatements} on tokens already made by `tokenizeSql(sql)`. */
export function splitTokens(sql: string, tokens: readonly SqlToken[]): string[] {
  const statements: string[] = [];
  let start = 0;
  let atomicDepth = 0;
  let hasCode = false;
  tokens.forEach((token, index) => {
    if (token.kind === 'word') {
      atomicDepth = trackAtomicBody(token, nextWord(tokens, index), atomicDepth);
    }
    if (token.kind === 'semicolon' && atomicDepth === 0) {
      if (hasCode) statements.push(sql.slice(start, token.start).trim());
      start = token.end;
      hasCode = false;
    } else if (token.kind !== 'semicolon' && !isBlank(sql, token)) {
      hasCode = true;
    }
  });
  if (hasCode) statements.push(sql.slice(start).trim());
  return statements;
}

function isBlank(sql: string, token: SqlToken): boolean {
  return token.kind === 'comment' || (token.kind === 'code' && sql.slice(token.start, token.end).trim() === '');
}

/** `BEGIN ATOMIC` opens a body; inside it, CASE opens and END closes a level (as psql counts). */
function trackAtomicBody(token: SqlToken, following: string | undefined, depth: number): number {
  const word = token.name!.toUpperCase();
  if (word === 'BEGIN' && following?.toUpperCase() === 'ATOMIC') return depth + 1;
  if (depth > 0 && word === 'CASE') return depth + 1;
  if (depth > 0 && word === 'END') return depth - 1;
  return depth;
}

function nextWord(tokens: readonly SqlToken[], index: number): string | undefined {
  for (let i = index + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word') return token.name;
    if (token.kind !== 'code' && token.kind !== 'comment') return undefined;
  }
  return undefined;
}
