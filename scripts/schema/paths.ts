/** Where the schema check reads and the release writes. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SchemaFiles = {
  /** The API as it is now. */
  CURRENT: path.join(ROOT, 'schema.graphql'),
  /** The schema of the last release: what apps in the field were built against. */
  RELEASED: path.join(ROOT, 'schema/released.graphql'),
  /** Reviewed, deliberate breaking changes since the last release. */
  ALLOWED_BREAKS: path.join(ROOT, 'schema/allowed-breaks.json'),
} as const;
