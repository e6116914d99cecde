import type { Field, SqlParameter, TypeHint } from '@aws-sdk/client-rds-data';
import { RdsRequestLimits, type RdsRequest } from '../../../platform/appsync-js/rds-request.js';
import type { DataApiTarget } from '../../../platform/data-api/types.js';
import type { DataApiCore } from './core.js';
import { BadRequestError } from './errors.js';
import { toAppSyncError, toWireJson } from './format.js';

/** The request as the data source receives it: the maps may be missing when a resolver wrote it by hand. */
export type RdsRequestInput = Pick<RdsRequest, 'statements'> & Partial<Omit<RdsRequest, 'statements'>>;

/** Either the `ctx.result` JSON string or the `ctx.error` AppSync sets. */
export type RdsRequestOutcome = { result: string } | { error: { message: string; type: string } };

/**
 * Runs an RDS data-source request the way AppSync does: one
 * ExecuteStatement per statement, in order, each on its own (no shared transaction), with
 * result metadata. `ctx.result` is `{"sqlStatementResults":[{numberOfRecordsUpdated, records,
 * columnMetadata}, ...]}` as a JSON string; a statement without a result set has empty `records`
 * and `columnMetadata`. A failure gives `{ message, type }` with the exception name as type.
 */
export async function executeRdsRequest(
  core: DataApiCore,
  target: Pick<DataApiTarget, 'resourceArn' | 'secretArn' | 'database'>,
  request: RdsRequestInput,
): Promise<RdsRequestOutcome> {
  try {
    const statements = request.statements;
    if (!Array.isArray(statements) || statements.length === 0 || statements.length > RdsRequestLimits.MAX_STATEMENTS) {
      throw new BadRequestError(`An RDS request must have 1 to ${RdsRequestLimits.MAX_STATEMENTS} statements`);
    }
    const parameters = toParameters(request.variableMap ?? {}, request.variableTypeHintMap ?? {});
    const sqlStatementResults = [];
    for (const sql of statements) {
      const output = await core.executeStatement({
        resourceArn: target.resourceArn,
        secretArn: target.secretArn,
        ...(target.database ? { database: target.database } : {}),
        sql,
        parameters,
        includeResultMetadata: true,
      });
      sqlStatementResults.push({
        numberOfRecordsUpdated: output.numberOfRecordsUpdated ?? 0,
        records: output.records ?? [],
        columnMetadata: output.columnMetadata ?? [],
      });
    }
    return { result: toWireJson({ sqlStatementResults }) };
  } catch (error) {
    return { error: toAppSyncError(error) };
  }
}

/** variableMap keys are `:P0`; the parameter is `P0`. The JSON type picks the Field member. */
function toParameters(variables: Record<string, unknown>, hints: Record<string, string>): SqlParameter[] {
  return Object.entries(variables).map(([key, value]) => {
    const hint = hints[key] as TypeHint | undefined;
    const field: Field = hint ? { stringValue: typeof value === 'string' ? value : JSON.stringify(value) } : toField(value);
    return { name: key.replace(/^:/, ''), value: field, ...(hint ? { typeHint: hint } : {}) };
  });
}

function toField(value: unknown): Field {
  if (value === null || value === undefined) return { isNull: true };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { booleanValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { longValue: value } : { doubleValue: value };
  return { stringValue: JSON.stringify(value) };
}
