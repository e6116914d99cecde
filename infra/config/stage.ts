/** Which stage is synthesized and how it differs from the others: parsed once from the CDK context. */
import { ContextKeys, DatabaseDefaults, PERMANENT_STAGES, STAGE_NAME_PATTERN } from '../constants.js';
import { InfraConfigError } from '../errors.js';

/** Everything that differs between stages. */
export interface StageConfig {
  /** `dev`, `prod`, or a preview name. */
  readonly name: string;
  readonly isProd: boolean;
  /** A per-branch stage: everything is destroyed with the stack. */
  readonly isPreview: boolean;
  /** Aurora minimum ACU: 0 (scale to zero) outside prod. */
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** CodeDeploy traffic shifting for the Lambda aliases. */
  readonly canary: { readonly percentage: number; readonly intervalMinutes: number };
}

/** A getter of context values, as `app.node.tryGetContext`. */
export type ContextReader = (key: string) => unknown;

function readNumber(read: ContextReader, key: string, fallback: number, problems: string[]): number {
  const raw = read(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 256) problems.push(`-c ${key}=${String(raw)} must be a number of ACUs from 0 to 256`);
  return value;
}

/**
 * Parses the stage from `-c stage=NAME` and its options.
 * @throws InfraConfigError listing every problem
 */
export function readStageConfig(read: ContextReader): StageConfig {
  const problems: string[] = [];
  const name = read(ContextKeys.STAGE);
  if (typeof name !== 'string' || !STAGE_NAME_PATTERN.test(name)) {
    problems.push(
      `-c ${ContextKeys.STAGE}=NAME is required: dev, prod, or a preview name matching ${STAGE_NAME_PATTERN} (got ${JSON.stringify(name)})`,
    );
  }
  const isProd = name === 'prod';
  const minCapacity = isProd ? readNumber(read, ContextKeys.PROD_MIN_CAPACITY, DatabaseDefaults.PROD_MIN_CAPACITY_ACU, problems) : 0;
  const maxCapacity = readNumber(read, ContextKeys.MAX_CAPACITY, DatabaseDefaults.MAX_CAPACITY_ACU, problems);
  if (maxCapacity < Math.max(minCapacity, 1))
    problems.push(`-c ${ContextKeys.MAX_CAPACITY} must be at least 1 and at least the minimum capacity`);
  if (problems.length > 0) throw new InfraConfigError(problems);
  return {
    name: name as string,
    isProd,
    isPreview: !(PERMANENT_STAGES as readonly string[]).includes(name as string),
    minCapacity,
    maxCapacity,
    // Prod gives a bad version 10 minutes at 10% before it takes all traffic; the other stages 5.
    canary: { percentage: 10, intervalMinutes: isProd ? 10 : 5 },
  };
}
