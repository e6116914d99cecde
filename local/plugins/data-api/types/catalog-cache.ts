import type { DatabaseSession, RawField } from '../backends/types.js';
import { builtInType, catalogTypeInfo, isStringCatalogType, type PgTypeInfo } from './pg-types.js';

/** Table facts for a column that comes straight from a table. */
export interface AttributeFacts {
  tableName: string;
  notNull: boolean;
  autoIncrement: boolean;
}

const TYPES_SQL = `select t.oid::int8::text, t.typname, t.typtype, e.typname, e.typtype
  from pg_catalog.pg_type t
  left join pg_catalog.pg_type e on t.typcategory = 'A' and e.oid = t.typelem
  where t.oid = any($1::oid[])`;

const ATTRIBUTES_SQL = `select a.attrelid::int8::text, a.attnum::text, c.relname, a.attnotnull::text,
    (a.attidentity <> '' or coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false))::text
  from pg_catalog.pg_attribute a
  join pg_catalog.pg_class c on c.oid = a.attrelid
  left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
  join unnest($1::oid[], $2::int2[]) as wanted(rel, num) on wanted.rel = a.attrelid and wanted.num = a.attnum`;

const key = (tableOid: number, columnNumber: number): string => `${tableOid}:${columnNumber}`;

/**
 * What result mapping needs from PostgreSQL's catalog, read on the session that produced the
 * result (so a transaction sees its own DDL) and cached: type info for types that are not built
 * in (enums, citext, interval, ...), by OID; and table facts for `columnMetadata`, by table and
 * column. Table facts change with DDL, so the core calls `forgetTables()` after DDL and rollbacks.
 */
export class CatalogCache {
  private readonly types = new Map<number, PgTypeInfo>();
  private readonly tables = new Map<string, AttributeFacts>();

  /** Info for each OID, in order; asks the database only about OIDs it has not seen. */
  async resolveTypes(session: DatabaseSession, oids: readonly number[]): Promise<PgTypeInfo[]> {
    const unknown = [...new Set(oids.filter((oid) => !builtInType(oid) && !this.types.has(oid)))];
    if (unknown.length > 0) await this.loadTypes(session, unknown);
    return oids.map((oid) => builtInType(oid) ?? this.types.get(oid) ?? { name: `oid ${oid}`, kind: 'unsupported', jdbcType: 1111 });
  }

  /** Table facts for the fields that come from a table (undefined for expressions). */
  async tableFacts(session: DatabaseSession, fields: readonly RawField[]): Promise<(AttributeFacts | undefined)[]> {
    const missing = fields.filter((f) => f.tableOid > 0 && f.columnNumber > 0 && !this.tables.has(key(f.tableOid, f.columnNumber)));
    if (missing.length > 0) await this.loadTables(session, missing);
    return fields.map((field) => this.tables.get(key(field.tableOid, field.columnNumber)));
  }

  /** Drops cached table facts (after DDL, or a rollback that may have undone DDL). */
  forgetTables(): void {
    this.tables.clear();
  }

  private async loadTypes(session: DatabaseSession, oids: number[]): Promise<void> {
    const result = await session.query(TYPES_SQL, [`{${oids.join(',')}}`]);
    for (const [oid, name, type, elementName, elementType] of result.rows) {
      const element =
        elementName && elementType && isStringCatalogType({ name: elementName, type: elementType })
          ? catalogTypeInfo({ name: elementName, type: elementType, elementOid: 0 })
          : undefined;
      this.types.set(Number(oid), catalogTypeInfo({ name: name!, type: type!, elementOid: 0, ...(element ? { element } : {}) }));
    }
  }

  private async loadTables(session: DatabaseSession, fields: readonly RawField[]): Promise<void> {
    const result = await session.query(ATTRIBUTES_SQL, [
      `{${fields.map((field) => field.tableOid).join(',')}}`,
      `{${fields.map((field) => field.columnNumber).join(',')}}`,
    ]);
    for (const [rel, num, relname, notNull, autoIncrement] of result.rows) {
      this.tables.set(`${rel}:${num}`, { tableName: relname!, notNull: notNull === 'true', autoIncrement: autoIncrement === 'true' });
    }
  }
}
