/** A Lambda started without the environment that names its database. */
export class DataApiConfigError extends Error {
  override readonly name = 'DataApiConfigError';
  constructor(
    readonly missing: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`Missing environment variable(s): ${missing.join(', ')}`, options);
  }
}
