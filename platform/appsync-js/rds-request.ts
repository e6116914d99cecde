/**
 * What an APPSYNC_JS resolver returns for an RDS data source, and what AppSync accepts of it
 *: the
 * `@aws-appsync/utils/rds` builders make it, and the data source runs it.
 */
export interface RdsRequest {
  statements: string[];
  variableMap: Record<string, unknown>;
  variableTypeHintMap: Record<string, string>;
}

export const RdsRequestLimits = {
  /** Statements in one request (`createPgStatement` takes at most two). */
  MAX_STATEMENTS: 2,
} as const;
