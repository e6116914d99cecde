import type { ManifestPart } from '../../platform/manifest/index.js';

/** What every area of Roam's API uses: the NONE and Aurora data sources and the caller lookup. */
export const sharedPart = {
  dataSources: {
    none: { kind: 'NONE' },
    db: { kind: 'RDS', database: 'roam' },
  },
  functions: {
    ensureUser: { code: 'resolvers/functions/ensureUser.ts', dataSource: 'db' },
  },
} satisfies ManifestPart;
