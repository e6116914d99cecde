/** The scalars AppSync defines. */
export const APPSYNC_SCALAR_NAMES = [
  'AWSDate',
  'AWSTime',
  'AWSDateTime',
  'AWSTimestamp',
  'AWSEmail',
  'AWSJSON',
  'AWSURL',
  'AWSPhone',
  'AWSIPAddress',
] as const;

/** One of {@link APPSYNC_SCALAR_NAMES}. */
export type AppSyncScalarName = (typeof APPSYNC_SCALAR_NAMES)[number];

/**
 * What each scalar's error text calls a valid value: `Unable to parse \`x\` as a valid <noun>.`
 * `DateTime Object` and `phone number` are observed on AppSync; the others follow the same
 * pattern and are unverified (DECISIONS.md).
 */
export const SCALAR_NOUNS: Readonly<Record<AppSyncScalarName, string>> = {
  AWSDate: 'Date Object',
  AWSTime: 'Time Object',
  AWSDateTime: 'DateTime Object',
  AWSTimestamp: 'Timestamp Object',
  AWSEmail: 'email address',
  AWSJSON: 'JSON Object',
  AWSURL: 'URL',
  AWSPhone: 'phone number',
  AWSIPAddress: 'IP address',
};

/** Java's `ZoneOffset` range: at most 18 hours either side. */
export const MAX_OFFSET_HOURS = 18;
