import type {
  ColumnMetadata,
  ExecuteSqlCommandInput,
  ExecuteSqlCommandOutput,
  Field,
  SqlStatementResult,
  Value,
} from '@aws-sdk/client-rds-data';
import { withSession, type CoreContext } from '../context.js';
import { toExecuteOutput } from '../result-set.js';
import { bindParameters } from '../sql/parameters.js';
import { splitSqlStatements } from '../../../../platform/sql/split.js';
import { runStatement } from '../statement-runner.js';
import { requireString } from '../validate.js';

export type ExecuteSqlOutput = Omit<ExecuteSqlCommandOutput, '$metadata'>;

/**
 * The deprecated ExecuteSql (Serverless v1): several `;`-separated statements, each run on its
 * own (autocommit), results in the old `resultFrame` / `Value` shape.
 */
export async function executeSql(context: CoreContext, input: ExecuteSqlCommandInput): Promise<ExecuteSqlOutput> {
  const statements = splitSqlStatements(requireString(input, 'sqlStatements'));
  const sqlStatementResults: SqlStatementResult[] = [];
  for (const sql of statements) {
    const output = await withSession(context, undefined, async (session, pending) => {
      const raw = await runStatement(
        session,
        bindParameters(sql),
        { timeoutMs: context.statementTimeoutMs, continueAfterTimeout: false, canCancel: context.backend.canCancel },
        pending,
      );
      return toExecuteOutput(session, context.catalog, raw, { includeResultMetadata: true });
    });
    const metadata = output.columnMetadata;
    sqlStatementResults.push(
      metadata
        ? {
            numberOfRecordsUpdated: 0,
            resultFrame: {
              resultSetMetadata: { columnCount: metadata.length, columnMetadata: metadata },
              records: (output.records ?? []).map((record) => ({ values: record.map((field, index) => toValue(field, metadata[index]!)) })),
            },
          }
        : { numberOfRecordsUpdated: output.numberOfRecordsUpdated ?? 0 },
    );
  }
  return { sqlStatementResults };
}

/** A Field in the old Value union: booleans as bitValue, int2/int4 as intValue, float4 as realValue. */
function toValue(field: Field, column: ColumnMetadata): Value {
  if (field.isNull) return { isNull: true };
  if (field.booleanValue !== undefined) return { bitValue: field.booleanValue };
  if (field.longValue !== undefined)
    return ['int2', 'int4', 'serial', 'smallserial'].includes(column.typeName ?? '')
      ? { intValue: field.longValue }
      : { bigIntValue: field.longValue };
  if (field.doubleValue !== undefined)
    return column.typeName === 'float4' ? { realValue: field.doubleValue } : { doubleValue: field.doubleValue };
  if (field.blobValue !== undefined) return { blobValue: field.blobValue };
  if (field.arrayValue !== undefined) {
    const array = field.arrayValue;
    const items: unknown[] = array.longValues ?? array.doubleValues ?? array.booleanValues ?? array.stringValues ?? [];
    const element = { ...column, typeName: column.typeName?.replace(/^_/, '') };
    return { arrayValues: items.map((item) => toValue(item === null ? { isNull: true } : scalarField(item), element)) };
  }
  return { stringValue: field.stringValue ?? '' };
}

function scalarField(item: unknown): Field {
  if (typeof item === 'boolean') return { booleanValue: item };
  if (typeof item === 'number') return Number.isInteger(item) ? { longValue: item } : { doubleValue: item };
  return { stringValue: String(item) };
}
