import type { ArrayValue, Field, ResultSetOptions } from '@aws-sdk/client-rds-data';
import { UnsupportedResultError } from '../errors.js';
import { parsePgArray } from './pg-array.js';
import type { PgTypeInfo, ValueKind } from './pg-types.js';

/**
 * Turns one value, in PostgreSQL's text form, into the Data API `Field` for its type
 *. Each Field has exactly one member.
 */
export function toField(text: string | null, type: PgTypeInfo, options: ResultSetOptions = {}): Field {
  if (text === null) return { isNull: true };
  if (type.element) return { arrayValue: toArrayValue(text, type) };
  switch (type.kind) {
    case 'long':
      return options.longReturnType === 'STRING' ? { stringValue: text } : { longValue: Number(text) };
    case 'double':
      return { doubleValue: Number(text) };
    case 'decimal':
      if (options.decimalReturnType === 'DOUBLE_OR_LONG') {
        return /^-?\d+$/.test(text) ? { longValue: Number(text) } : { doubleValue: Number(text) };
      }
      return { stringValue: text };
    case 'boolean':
      return { booleanValue: text === 't' };
    case 'blob':
      return { blobValue: byteaFromText(text) };
    case 'unsupported':
      throw unsupported(type);
    default:
      return { stringValue: scalarString(text, type.kind) };
  }
}

/** The error the Data API gives for a type it cannot return. */
export function unsupported(type: PgTypeInfo): UnsupportedResultError {
  return new UnsupportedResultError(`The result contains the unsupported data type ${type.name}`);
}

/** Text of a string-mapped value in the Data API's format. */
export function scalarString(text: string, kind: ValueKind): string {
  if (kind === 'timestamp') return withoutUtcOffset(text);
  if (kind === 'timetz') return timeInUtc(text);
  if (kind === 'void') return '';
  return text;
}

function toArrayValue(text: string, type: PgTypeInfo): ArrayValue {
  const element = type.element!;
  const items = parsePgArray(text);
  if (items === undefined)
    throw new UnsupportedResultError(`The result contains the unsupported data type ${type.name} with more than one dimension`);
  // The SDK types list members as non-null, but the model marks them sparse and AWS sends nulls.
  const list = <T>(map: (item: string) => T): T[] => items.map((item) => (item === null ? null : map(item))) as T[];
  switch (element.kind) {
    case 'long':
      return { longValues: list(Number) };
    case 'double':
      return { doubleValues: list(Number) };
    case 'boolean':
      return { booleanValues: list((item) => item === 't') };
    case 'unsupported':
    case 'blob':
      throw unsupported(type);
    default:
      return { stringValues: list((item) => scalarString(item, element.kind)) };
  }
}

const TIMESTAMP_WITH_OFFSET = /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

/**
 * `2024-01-31 10:34:56.789+00` → `2024-01-31 10:34:56.789`. Sessions run in UTC, but a caller may
 * have SET another TimeZone on its connection, so a non-zero offset is converted, not dropped.
 */
function withoutUtcOffset(text: string): string {
  const match = TIMESTAMP_WITH_OFFSET.exec(text);
  if (!match) return text; // timestamp without time zone, infinity, BC dates: as PostgreSQL prints them
  const [, year, month, day, hour, minute, second, fraction = '', sign, oh, om = '0', os = '0'] = match;
  const local = `${year}-${month}-${day} ${hour}:${minute}:${second}`;
  const offsetSeconds = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os));
  if (offsetSeconds === 0) return `${local}${fraction}`;
  const instant = new Date(0);
  instant.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  instant.setUTCHours(Number(hour), Number(minute), Number(second) - offsetSeconds);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `${pad(instant.getUTCFullYear(), 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())} ` +
    `${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}:${pad(instant.getUTCSeconds())}${fraction}`
  );
}

/** `10:34:56.5+02` → `08:34:56.5`: timetz converted to UTC, offset dropped. */
function timeInUtc(text: string): string {
  const match = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(text);
  if (!match) return text;
  const [, h, m, s, fraction = '', sign, oh, om = '0', os = '0'] = match;
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os));
  const day = 24 * 3600;
  const utc = (((Number(h) * 3600 + Number(m) * 60 + Number(s) - offset) % day) + day) % day;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(utc / 3600))}:${pad(Math.floor((utc % 3600) / 60))}:${pad(utc % 60)}${fraction}`;
}

/** bytea text output (`\x0001ff`) → bytes. */
function byteaFromText(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.startsWith('\\x') ? text.slice(2) : text, 'hex'));
}
