/** The CDK app was started with a configuration it cannot deploy; lists every problem at once. */
export class InfraConfigError extends Error {
  override readonly name = 'InfraConfigError';
  constructor(
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`Cannot synthesize:\n  - ${problems.join('\n  - ')}`, options);
  }
}
