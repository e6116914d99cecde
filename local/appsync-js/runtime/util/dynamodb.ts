/**
 * `util.dynamodb`: values in DynamoDB's typed form. Numbers stay numbers (`{ N: 12345 }`,
 * captured on AWS), `toNull()` is `{ NULL: null }`, and the general converters use lists, never
 * sets. A null or undefined input to a typed converter answers null.
 */

type Attribute = Record<string, unknown>;

/** `util.dynamodb.toDynamoDB`. */
export function toDynamoDB(value: unknown): Attribute {
  if (value === null || value === undefined) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (typeof value === 'object') return { M: toMapValues(value) };
  throw new Error(`util.dynamodb: cannot convert a value of type ${typeof value}`);
}

/** `util.dynamodb.toMapValues`. */
export function toMapValues(value: unknown): Record<string, Attribute> {
  const out: Record<string, Attribute> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toDynamoDB(item);
  return out;
}

const orNull =
  <T, R>(convert: (input: T) => R) =>
  (input: T | null | undefined): R | null =>
    input === null || input === undefined ? null : convert(input);

/** The members of `util.dynamodb`. */
export const dynamodb = {
  toDynamoDB,
  toString: orNull((value: string) => ({ S: String(value) })),
  toStringSet: orNull((values: string[]) => ({ SS: [...values].map(String) })),
  toNumber: orNull((value: number) => ({ N: Number(value) })),
  toNumberSet: orNull((values: number[]) => ({ NS: [...values].map(Number) })),
  toBinary: orNull((value: string) => ({ B: String(value) })),
  toBinarySet: orNull((values: string[]) => ({ BS: [...values].map(String) })),
  toBoolean: orNull((value: boolean) => ({ BOOL: Boolean(value) })),
  toNull: () => ({ NULL: null }),
  toList: orNull((values: unknown[]) => (Array.isArray(values) ? { L: values.map(toDynamoDB) } : null)),
  toMap: orNull((value: Record<string, unknown>) => ({ M: toMapValues(value) })),
  toMapValues: orNull(toMapValues),
  toS3Object(key: string, bucket: string, region: string, version?: string): { S: string } {
    const s3: Record<string, string> = { key: String(key), bucket: String(bucket), region: String(region) };
    if (version !== undefined && version !== null) s3.version = String(version);
    return { S: JSON.stringify({ s3 }) };
  },
  fromS3ObjectJson(json: string): Record<string, string> | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(json));
    } catch {
      throw new Error('util.dynamodb.fromS3ObjectJson: the value is not JSON');
    }
    const s3 = typeof parsed === 'object' && parsed !== null ? (parsed as { s3?: unknown }).s3 : undefined;
    return typeof s3 === 'object' && s3 !== null ? { ...(s3 as Record<string, string>) } : null;
  },
};
