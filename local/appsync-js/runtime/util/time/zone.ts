/**
 * Time zones for `util.time`: fixed offsets (`Z`, `UTC`, `+05:30`, `GMT-8`, …) are read here;
 * region ids (`Asia/Kolkata`, `America/Los_Angeles`) go through Intl.DateTimeFormat, which exists
 * in the sandbox, to learn the offset at an instant. No zone given means UTC, as AppSync does.
 */

/** A time zone: its id as written and its offset from UTC, in milliseconds, at an instant. */
export interface Zone {
  id: string;
  offsetAt(epochMillis: number): number;
  /** Set for a fixed offset; region zones have no single offset. */
  fixed?: number;
}

const MINUTE = 60_000;
// Taken when the runtime is evaluated: the sandbox harness removes the Intl global from resolver
// code afterwards, and the runtime must keep working.
const DateTimeFormat = Intl.DateTimeFormat;
const OFFSET_ID = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function fixedZone(id: string, offset: number): Zone {
  return { id, fixed: offset, offsetAt: () => offset };
}

/** The offset encoded in an offset id such as `+05:30`, or undefined. */
function parseOffsetId(id: string): number | undefined {
  const match = OFFSET_ID.exec(id);
  if (!match) return undefined;
  const [, sign, hours, minutes, seconds] = match;
  const total = Number(hours) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
  if (Number(hours) > 18 || Number(minutes ?? 0) > 59 || Number(seconds ?? 0) > 59) return undefined;
  return (sign === '-' ? -total : total) * 1000;
}

function formatterFor(id: string): Intl.DateTimeFormat {
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(id, formatter);
  }
  return formatter;
}

function regionOffset(formatter: Intl.DateTimeFormat, epochMillis: number): number {
  const fields: Record<string, string> = {};
  for (const part of formatter.formatToParts(epochMillis)) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const local = Date.UTC(
    year,
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
  const wholeSecond = Math.floor(epochMillis / 1000) * 1000;
  return Math.round((local - wholeSecond) / MINUTE) * MINUTE;
}

/** The zone named `id` (UTC when absent); throws for an unknown id. */
export function resolveZone(id?: unknown): Zone {
  if (id === undefined || id === null) return fixedZone('UTC', 0);
  const name = String(id);
  if (name === 'Z' || name === 'UTC' || name === 'GMT' || name === 'UT') return fixedZone(name, 0);
  const offset = parseOffsetId(name);
  if (offset !== undefined) return fixedZone(name, offset);
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = formatterFor(name);
  } catch {
    throw new Error(`Unknown time-zone ID: ${name}`);
  }
  return { id: name, offsetAt: (epochMillis) => regionOffset(formatter, epochMillis) };
}

/**
 * The instant of a local date-time (given as if it were UTC) in `zone`. In a gap the time moves
 * later by the gap; in an overlap the earlier offset wins, as java.time resolves them.
 */
export function localToInstant(localAsUtc: number, zone: Zone): number {
  if (zone.fixed !== undefined) return localAsUtc - zone.fixed;
  const day = 24 * 60 * MINUTE;
  const before = zone.offsetAt(localAsUtc - day);
  const after = zone.offsetAt(localAsUtc + day);
  if (zone.offsetAt(localAsUtc - before) === before) return localAsUtc - before;
  if (zone.offsetAt(localAsUtc - after) === after) return localAsUtc - after;
  return localAsUtc - before;
}

/** The zone's display name at an instant, from Intl (`short`, `long`, `shortGeneric`, `longGeneric`). */
export function zoneName(zone: Zone, epochMillis: number, style: 'short' | 'long' | 'shortGeneric' | 'longGeneric'): string {
  if (zone.fixed !== undefined)
    return zone.fixed === 0 && (style === 'short' || style === 'shortGeneric')
      ? 'UTC'
      : zone.fixed === 0
        ? 'Coordinated Universal Time'
        : zone.id;
  const key = `${zone.id}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: style });
    formatters.set(key, formatter);
  }
  return formatter.formatToParts(epochMillis).find((part) => part.type === 'timeZoneName')?.value ?? zone.id;
}
