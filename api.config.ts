/**
 * Roam's API as it is deployed and served offline: the schema, the resolver manifest, the auth
 * modes and the database name. The CDK app deploys this (infra/config/project.ts) and
 * local.config.ts adds what only a developer's machine needs.
 */
import { defineApiConfig } from './platform/project/api-config.js';
import { manifest } from './resolvers/manifest.js';

export const api = defineApiConfig({
  schemaFile: 'schema.graphql',
  manifest,
  auth: { defaultMode: 'AMAZON_COGNITO_USER_POOLS', additionalModes: ['API_KEY', 'AWS_IAM'] },
  database: { name: 'roam' },
});
