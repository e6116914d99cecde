import type { ExecuteStatementCommandInput, ExecuteStatementCommandOutput, Field } from '@aws-sdk/client-rds-data';
import type { DatabaseSession, RawResult } from './backends/types.js';
import { checkFormattedSize, checkResultSize } from './limits.js';
import { columnMetadata } from './types/column-metadata.js';
import { formatJsonRecords } from './types/json-records.js';
import type { CatalogCache } from './types/catalog-cache.js';
import { toField } from './types/to-field.js';

/** Command tags after which cached table facts (names, NOT NULL, defaults) may be stale. */
const DDL_COMMANDS = new Set(['ALTER', 'CREATE', 'DROP', 'COMMENT', 'GRANT', 'REVOKE', 'ROLLBACK']);

export type ExecuteOutput = Omit<ExecuteStatementCommandOutput, '$metadata'>;

/**
 * The ExecuteStatement response for one statement's result:
 * a statement without a result set reports `numberOfRecordsUpdated` and an empty
 * `generatedFields` and never `columnMetadata`; one with a result set reports `records` (or
 * `formattedRecords`), `numberOfRecordsUpdated: 0`, and `columnMetadata` when asked.
 */
export async function toExecuteOutput(
  session: DatabaseSession,
  catalog: CatalogCache,
  raw: RawResult,
  input: Pick<ExecuteStatementCommandInput, 'includeResultMetadata' | 'formatRecordsAs' | 'resultSetOptions'>,
): Promise<ExecuteOutput> {
  if (DDL_COMMANDS.has(raw.command)) catalog.forgetTables();
  if (raw.fields.length === 0) return { numberOfRecordsUpdated: raw.rowCount ?? 0, generatedFields: [] };
  const types = await catalog.resolveTypes(
    session,
    raw.fields.map((field) => field.typeOid),
  );
  const records: Field[][] = raw.rows.map((row) => row.map((text, index) => toField(text, types[index]!, input.resultSetOptions)));
  if (input.formatRecordsAs === 'JSON') {
    const formattedRecords = formatJsonRecords(
      raw.fields.map((field) => field.name),
      records,
    );
    checkFormattedSize(formattedRecords);
    return { numberOfRecordsUpdated: 0, formattedRecords };
  }
  const metadata = input.includeResultMetadata ? await columnMetadata(session, catalog, raw.fields, types) : undefined;
  checkResultSize(records, metadata, raw.rows);
  return metadata ? { numberOfRecordsUpdated: 0, records, columnMetadata: metadata } : { numberOfRecordsUpdated: 0, records };
}
