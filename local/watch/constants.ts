/** Watch mode's defaults. */
export const WatchDefaults = {
  /** Quiet time after the last change before reloading: editors save in several writes. */
  DEBOUNCE_MS: 150,
  /** Files whose change can alter the API (sources, the schema, JSON they import). */
  EXTENSIONS: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.graphql', '.gql'],
} as const;
