import { DataApiLimits, TYPE_HINTS } from './constants.js';
import { BadRequestError, ValidationError } from './errors.js';

/**
 * Checks the members every operation shares against the service model's constraints, so bad
 * input gets the service's BadRequestException instead of reaching the database.
 */
export function requireString(input: object, member: string, { min = 1, max = Infinity } = {}): string {
  const value = (input as Record<string, unknown>)[member];
  if (typeof value !== 'string') throw new BadRequestError(`${member} is required and must be a string`);
  if (value.length < min || value.length > max) {
    throw new BadRequestError(`${member} must be between ${min} and ${max} characters long`);
  }
  return value;
}

/** Optional string member: undefined when absent, checked when present. */
export function optionalString(input: object, member: string, max: number): string | undefined {
  const value = (input as Record<string, unknown>)[member];
  if (value === undefined || value === null) return undefined;
  return requireString(input, member, { min: 0, max });
}

/** resourceArn and secretArn as the model constrains them (11-100 characters). */
export function requireArns(
  input: object,
  resourceMember = 'resourceArn',
  secretMember = 'secretArn',
): { resourceArn: string; secretArn: string } {
  const limits = { min: DataApiLimits.MIN_ARN_LENGTH, max: DataApiLimits.MAX_ARN_LENGTH };
  return { resourceArn: requireString(input, resourceMember, limits), secretArn: requireString(input, secretMember, limits) };
}

/** Data API v2 refuses the `schema` parameter; `database` is checked for length only. */
export function checkDatabaseAndSchema(input: object): void {
  optionalString(input, 'database', DataApiLimits.MAX_DATABASE_NAME_LENGTH);
  const schema = (input as Record<string, unknown>).schema;
  if (schema !== undefined && schema !== null) throw new ValidationError("The schema parameter isn't supported.");
}

/** An optional transaction id: absent, or 1-192 characters (an empty string means none). */
export function optionalTransactionId(input: object): string | undefined {
  const id = optionalString(input, 'transactionId', DataApiLimits.MAX_TRANSACTION_ID_LENGTH);
  return id === '' ? undefined : id;
}

/** Enum members of ExecuteStatement. */
export function checkExecuteOptions(input: Record<string, unknown>): void {
  const { formatRecordsAs, resultSetOptions, parameters } = input;
  if (formatRecordsAs !== undefined && formatRecordsAs !== 'NONE' && formatRecordsAs !== 'JSON') {
    throw new BadRequestError(`Invalid formatRecordsAs ${String(formatRecordsAs)}`);
  }
  if (resultSetOptions !== undefined) {
    const { decimalReturnType, longReturnType } = resultSetOptions as Record<string, unknown>;
    if (decimalReturnType !== undefined && decimalReturnType !== 'STRING' && decimalReturnType !== 'DOUBLE_OR_LONG') {
      throw new BadRequestError(`Invalid decimalReturnType ${String(decimalReturnType)}`);
    }
    if (longReturnType !== undefined && longReturnType !== 'LONG' && longReturnType !== 'STRING') {
      throw new BadRequestError(`Invalid longReturnType ${String(longReturnType)}`);
    }
  }
  if (parameters !== undefined && !Array.isArray(parameters)) throw new BadRequestError('parameters must be a list');
  for (const parameter of (parameters as unknown[] | undefined) ?? []) {
    if (parameter === null || typeof parameter !== 'object')
      throw new BadRequestError('Each parameter must be an object with a name and a value');
    const hint = (parameter as Record<string, unknown>).typeHint;
    if (hint !== undefined && !(TYPE_HINTS as readonly unknown[]).includes(hint))
      throw new BadRequestError(`Invalid typeHint ${String(hint)}`);
  }
}
