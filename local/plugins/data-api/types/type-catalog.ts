import type { DatabaseSession } from '../backends/types.js';
import { builtInType, catalogTypeInfo, isStringCatalogType, type PgTypeInfo } from './pg-types.js';

const LOOKUP_SQL = `select t.oid::int8::text, t.typname, t.typtype, e.typname, e.typtype
  from pg_catalog.pg_type t
  left join pg_catalog.pg_type e on t.typcategory = 'A' and e.oid = t.typelem
  where t.oid = any($1::oid[])`;

/**
 * Type info for result columns: built-in types from the static table, others (enums, citext,
 * interval, ...) read once from pg_type on the session that produced them and cached by OID.
 */
export class TypeCatalog {
  private readonly cache = new Map<number, PgTypeInfo>();

  /** Info for each OID, in order; asks the database only about OIDs it has not seen. */
  async resolve(session: DatabaseSession, oids: readonly number[]): Promise<PgTypeInfo[]> {
    const unknown = [...new Set(oids.filter((oid) => !builtInType(oid) && !this.cache.has(oid)))];
    if (unknown.length > 0) await this.load(session, unknown);
    return oids.map((oid) => builtInType(oid) ?? this.cache.get(oid) ?? { name: `oid ${oid}`, kind: 'unsupported', jdbcType: 1111 });
  }

  private async load(session: DatabaseSession, oids: number[]): Promise<void> {
    const result = await session.query(LOOKUP_SQL, [`{${oids.join(',')}}`]);
    for (const [oid, name, type, elementName, elementType] of result.rows) {
      const element =
        elementName && elementType && isStringCatalogType({ name: elementName, type: elementType })
          ? catalogTypeInfo({ name: elementName, type: elementType, elementOid: 0 })
          : undefined;
      this.cache.set(Number(oid), catalogTypeInfo({ name: name!, type: type!, elementOid: 0, ...(element ? { element } : {}) }));
    }
  }
}
