import type { ColumnMetadata } from '@aws-sdk/client-rds-data';
import type { DatabaseSession, RawField } from '../backends/types.js';
import type { CatalogCache } from './catalog-cache.js';
import type { PgTypeInfo } from './pg-types.js';

const UNBOUNDED = 2147483647;

/**
 * `columnMetadata` for a result set, following pgjdbc's ResultSetMetaData conventions (the
 * service is JDBC-based): `name` and `label` are both the column label, `schemaName` is empty,
 * `typeName` is the pg type name (`serial`/`bigserial` for sequence-backed integer columns),
 * `nullable` is 0 for NOT NULL table columns and 1 otherwise.
 */
export async function columnMetadata(
  session: DatabaseSession,
  catalog: CatalogCache,
  fields: readonly RawField[],
  types: readonly PgTypeInfo[],
): Promise<ColumnMetadata[]> {
  const facts = await catalog.tableFacts(session, fields);
  return fields.map((field, index) => {
    const type = types[index]!;
    const fact = facts[index];
    const { precision, scale } = precisionAndScale(type, field.typeModifier);
    return {
      arrayBaseColumnType: type.element ? type.element.jdbcType : 0,
      isAutoIncrement: fact?.autoIncrement ?? false,
      isCaseSensitive:
        type.kind === 'string' && !type.element && ['text', 'varchar', 'bpchar', 'name', 'char', 'citext'].includes(type.name),
      isCurrency: false,
      isSigned: ['long', 'double', 'decimal'].includes(type.kind) && !type.element,
      label: field.name,
      name: field.name,
      nullable: fact?.notNull ? 0 : 1,
      precision,
      scale,
      schemaName: '',
      tableName: fact?.tableName ?? '',
      type: type.jdbcType,
      typeName: fact?.autoIncrement ? serialName(type.name) : type.name,
    };
  });
}

function serialName(typeName: string): string {
  return ({ int2: 'smallserial', int4: 'serial', int8: 'bigserial' } as Record<string, string>)[typeName] ?? typeName;
}

/** Display precision and scale as pgjdbc reports them (approximately; see DECISIONS.md). */
function precisionAndScale(type: PgTypeInfo, typeModifier: number): { precision: number; scale: number } {
  if (type.element) return { precision: UNBOUNDED, scale: 0 };
  switch (type.name) {
    case 'int2':
      return { precision: 5, scale: 0 };
    case 'int4':
      return { precision: 10, scale: 0 };
    case 'int8':
    case 'oid':
      return { precision: 19, scale: 0 };
    case 'float4':
      return { precision: 8, scale: 8 };
    case 'float8':
      return { precision: 17, scale: 17 };
    case 'bool':
      return { precision: 1, scale: 0 };
    case 'date':
      return { precision: 13, scale: 0 };
    case 'time':
    case 'timetz':
      return { precision: 15, scale: 6 };
    case 'timestamp':
      return { precision: 29, scale: 6 };
    case 'timestamptz':
      return { precision: 35, scale: 6 };
    case 'uuid':
      return { precision: 36, scale: 0 };
    case 'numeric':
      return typeModifier >= 4
        ? { precision: ((typeModifier - 4) >> 16) & 0xffff, scale: (typeModifier - 4) & 0xffff }
        : { precision: 0, scale: 0 };
    case 'varchar':
    case 'bpchar':
      return { precision: typeModifier >= 4 ? typeModifier - 4 : UNBOUNDED, scale: 0 };
    default:
      return { precision: UNBOUNDED, scale: 0 };
  }
}
