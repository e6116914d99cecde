import { tokenizeSql, type SqlToken } from '../../../../platform/sql/lexer.js';
import { splitTokens } from '../../../../platform/sql/split.js';

/** What the core needs to know about a statement's text before running it. */
export interface SqlAnalysis {
  tokens: readonly SqlToken[];
  /** Statements in the text (more than one is refused). */
  statementCount: number;
}

/** Callers send the same SQL over and over; remember the analysis of recent texts. */
const MAX_ENTRIES = 500;
/** Longer texts (bulk inserts, scripts) are analysed each time rather than kept. */
const MAX_CACHED_LENGTH = 10_000;
const recent = new Map<string, SqlAnalysis>();

/** Tokens and statement count of `sql`, cached for short texts. */
export function analyzeSql(sql: string): SqlAnalysis {
  const known = recent.get(sql);
  if (known) return known;
  const tokens = tokenizeSql(sql);
  const analysis = { tokens, statementCount: splitTokens(sql, tokens).length };
  if (sql.length <= MAX_CACHED_LENGTH) {
    if (recent.size >= MAX_ENTRIES) recent.delete(recent.keys().next().value!);
    recent.set(sql, analysis);
  }
  return analysis;
}
