/** The manifest does not fit the schema, or breaks an AppSync limit. Lists every problem found. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  constructor(
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`The resolver manifest has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
  }
}
