/**
 * What we know about each PostgreSQL type the Data API maps: how its
 * values become a `Field`, and the JDBC facts reported in `columnMetadata` (the service is
 * JDBC-based, so metadata follows pgjdbc: java.sql.Types codes, lower-case pg type names).
 */

/** How a value of the type becomes a Field. */
export type ValueKind =
  | 'long'
  | 'double'
  | 'decimal'
  | 'boolean'
  | 'string'
  | 'blob'
  | 'timestamp' // timestamp/timestamptz: text form without offset
  | 'timetz' // converted to UTC, offset dropped
  | 'void' // an empty string
  | 'unsupported';

export interface PgTypeInfo {
  /** pg type name as pgjdbc reports it (`int4`, `_text`, ...). */
  name: string;
  kind: ValueKind;
  /** java.sql.Types code. */
  jdbcType: number;
  /** For arrays: the element type's info; `kind` is then the element kind. */
  element?: PgTypeInfo;
}

/** java.sql.Types codes used below. */
const Jdbc = {
  BIT: -7,
  SMALLINT: 5,
  INTEGER: 4,
  BIGINT: -5,
  REAL: 7,
  DOUBLE: 8,
  NUMERIC: 2,
  CHAR: 1,
  VARCHAR: 12,
  BINARY: -2,
  DATE: 91,
  TIME: 92,
  TIMESTAMP: 93,
  OTHER: 1111,
  ARRAY: 2003,
} as const;

const scalar = (name: string, kind: ValueKind, jdbcType: number): PgTypeInfo => ({ name, kind, jdbcType });

/** Built-in scalar types by OID (OIDs are fixed in PostgreSQL's catalog). */
const SCALARS = new Map<number, PgTypeInfo>([
  [16, scalar('bool', 'boolean', Jdbc.BIT)],
  [17, scalar('bytea', 'blob', Jdbc.BINARY)],
  [18, scalar('char', 'string', Jdbc.CHAR)],
  [19, scalar('name', 'string', Jdbc.VARCHAR)],
  [20, scalar('int8', 'long', Jdbc.BIGINT)],
  [21, scalar('int2', 'long', Jdbc.SMALLINT)],
  [23, scalar('int4', 'long', Jdbc.INTEGER)],
  [25, scalar('text', 'string', Jdbc.VARCHAR)],
  [26, scalar('oid', 'string', Jdbc.BIGINT)],
  [114, scalar('json', 'string', Jdbc.OTHER)],
  [650, scalar('cidr', 'string', Jdbc.OTHER)],
  [700, scalar('float4', 'double', Jdbc.REAL)],
  [701, scalar('float8', 'double', Jdbc.DOUBLE)],
  [869, scalar('inet', 'string', Jdbc.OTHER)],
  [1042, scalar('bpchar', 'string', Jdbc.CHAR)],
  [1043, scalar('varchar', 'string', Jdbc.VARCHAR)],
  [1082, scalar('date', 'string', Jdbc.DATE)],
  [1083, scalar('time', 'string', Jdbc.TIME)],
  [1114, scalar('timestamp', 'timestamp', Jdbc.TIMESTAMP)],
  [1184, scalar('timestamptz', 'timestamp', Jdbc.TIMESTAMP)],
  [1266, scalar('timetz', 'timetz', Jdbc.TIME)],
  [1700, scalar('numeric', 'decimal', Jdbc.NUMERIC)],
  [2278, scalar('void', 'void', Jdbc.OTHER)],
  [2950, scalar('uuid', 'string', Jdbc.OTHER)],
  [3802, scalar('jsonb', 'string', Jdbc.OTHER)],
]);

/** Array types the Data API returns, by OID → element OID. Others (bytea[], inet[]…) are refused. */
const ARRAYS = new Map<number, number>([
  [1000, 16],
  [1002, 18],
  [1003, 19],
  [1005, 21],
  [1007, 23],
  [1009, 25],
  [1014, 1042],
  [1015, 1043],
  [1016, 20],
  [1021, 700],
  [1022, 701],
  [1182, 1082],
  [1183, 1083],
  [1115, 1114],
  [1185, 1184],
  [1231, 1700],
  [2951, 2950],
  [199, 114],
  [3807, 3802],
]);

/** Facts about a type that is not built in, read from pg_type (see catalog-cache.ts). */
export interface CatalogType {
  name: string;
  /** pg_type.typtype: b base, e enum, d domain, c composite, r range, ... */
  type: string;
  /** OID of the element type when this is an array type, else 0. */
  elementOid: number;
  /** Info of the element type when this is an array of a supported type. */
  element?: PgTypeInfo;
}

/** Extension types the Data API returns as strings (by name, since their OIDs vary). */
const STRING_EXTENSION_TYPES = new Set(['citext', 'vector']);

/** Built-in info for `oid`, or undefined when the catalog must be asked. */
export function builtInType(oid: number): PgTypeInfo | undefined {
  const found = SCALARS.get(oid);
  if (found) return found;
  const elementOid = ARRAYS.get(oid);
  const element = elementOid === undefined ? undefined : SCALARS.get(elementOid);
  return element ? { name: `_${element.name}`, kind: element.kind, jdbcType: Jdbc.ARRAY, element } : undefined;
}

/** Whether `oid` is an array type whose elements we may map (asks no catalog). */
export function builtInArrayElement(oid: number): number | undefined {
  return ARRAYS.get(oid);
}

/** Info for a type found in the catalog: enums and string-like extensions are strings. */
export function catalogTypeInfo(type: CatalogType): PgTypeInfo {
  if (type.element) return { name: type.name, kind: type.element.kind, jdbcType: Jdbc.ARRAY, element: type.element };
  if (type.type === 'e' || STRING_EXTENSION_TYPES.has(type.name)) return scalar(type.name, 'string', Jdbc.VARCHAR);
  return scalar(type.name, 'unsupported', Jdbc.OTHER);
}

/** Whether a catalog type is a string type that may also be an array element. */
export function isStringCatalogType(type: Pick<CatalogType, 'name' | 'type'>): boolean {
  return type.type === 'e' || STRING_EXTENSION_TYPES.has(type.name);
}
