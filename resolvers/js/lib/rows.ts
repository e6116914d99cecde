/** Reading RDS results in response handlers. */

/** A json/jsonb column: the Data API returns its text; parsed once here. */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
