/**
 * Is the schema still safe for apps already installed? GraphQL Inspector compares the last
 * released schema with the current one (both with AppSync's built-ins declared, as AppSync reads
 * them) and sorts every change into breaking, dangerous and safe. A breaking change passes only
 * when the reviewed override file names it with a reason; an override that names nothing fails
 * too, so a stale entry can never wave through a later, unreviewed break with the same message.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildAppSyncSchemaDefinition } from '../../platform/graphql/schema.js';

/** One reviewed, deliberate break: GraphQL Inspector's exact message, and why it is acceptable. */
export interface AllowedBreak {
  message: string;
  reason: string;
}

export interface CompatibilityReport {
  /** Breaking changes no override allows: any of these fails the check. */
  breaking: Change[];
  /** Breaking changes an override allows, with its reason. */
  allowed: { change: Change; reason: string }[];
  /** Changes that may change what an installed app sees (a new enum value, a changed default). */
  dangerous: Change[];
  safe: Change[];
  /** Overrides that match no breaking change. */
  unusedOverrides: AllowedBreak[];
}

export async function compareSchemas(releasedSdl: string, currentSdl: string, overrides: AllowedBreak[]): Promise<CompatibilityReport> {
  const changes = await diff(buildAppSyncSchemaDefinition(releasedSdl), buildAppSyncSchemaDefinition(currentSdl));
  const byLevel = (level: CriticalityLevel) => changes.filter((change) => change.criticality.level === level);
  const reasons = new Map(overrides.map((override) => [override.message, override.reason]));
  const report: CompatibilityReport = {
    breaking: [],
    allowed: [],
    dangerous: byLevel(CriticalityLevel.Dangerous),
    safe: byLevel(CriticalityLevel.NonBreaking),
    unusedOverrides: [],
  };
  for (const change of byLevel(CriticalityLevel.Breaking)) {
    const reason = reasons.get(change.message);
    if (reason === undefined) report.breaking.push(change);
    else report.allowed.push({ change, reason });
  }
  const used = new Set(report.allowed.map(({ change }) => change.message));
  report.unusedOverrides = overrides.filter((override) => !used.has(override.message));
  return report;
}

/** Reads the override file's content: a JSON array of `{ message, reason }`, each reason non-empty. */
export function parseAllowedBreaks(text: string, file: string): AllowedBreak[] {
  const value: unknown = JSON.parse(text);
  const valid = (entry: unknown): entry is AllowedBreak =>
    typeof entry === 'object' &&
    entry !== null &&
    typeof (entry as AllowedBreak).message === 'string' &&
    typeof (entry as AllowedBreak).reason === 'string' &&
    (entry as AllowedBreak).reason.trim() !== '';
  if (!Array.isArray(value) || !value.every(valid)) {
    throw new Error(`${file} must be a JSON array of { "message": "...", "reason": "..." } entries, each with a reason`);
  }
  return value;
}

/** The report as a person reads it in CI; `ok` is false when the check must fail. */
export function formatReport(report: CompatibilityReport): { ok: boolean; text: string } {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`${title}:`, ...items.map((item) => `  - ${item}`), '');
  };
  section(
    'BREAKING (apps already installed may fail)',
    report.breaking.map((change) => change.message),
  );
  section(
    'Allowed breaking changes (reviewed override)',
    report.allowed.map(({ change, reason }) => `${change.message} (${reason})`),
  );
  section(
    'Overrides that match no breaking change (remove them)',
    report.unusedOverrides.map((override) => override.message),
  );
  section(
    'Dangerous (check what installed apps do with them)',
    report.dangerous.map((change) => change.message),
  );
  section(
    'Safe',
    report.safe.map((change) => change.message),
  );
  const ok = report.breaking.length === 0 && report.unusedOverrides.length === 0;
  lines.push(ok ? 'schema:check passed: no unreviewed breaking change.' : 'schema:check failed.');
  return { ok, text: lines.join('\n') };
}
