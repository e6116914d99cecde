/** Where in a source file a problem is. Lines and columns start at 1. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Resolver or function code that AppSync would refuse to save: a syntax error, a construct outside
 * the APPSYNC_JS subset, a forbidden import, a missing handler or code over the size limit.
 * Raised at load, never at request time.
 */
export class ResolverCodeError extends Error {
  override readonly name = 'ResolverCodeError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The reason alone, without the position prefix that `message` carries. */
  readonly reason: string;
  /** ESLint rule or check that refused the code, e.g. `@aws-appsync/no-while` or `max-code-size`. */
  readonly rule: string;

  constructor(position: SourcePosition, reason: string, rule: string, options?: { cause?: unknown }) {
    super(`${position.file}:${position.line}:${position.column}: ${reason}`, options);
    this.file = position.file;
    this.line = position.line;
    this.column = position.column;
    this.reason = reason;
    this.rule = rule;
  }
}

/** A pipeline resolver that AppSync would not create (no functions, or more than 10). */
export class PipelineConfigError extends Error {
  override readonly name = 'PipelineConfigError';
}
