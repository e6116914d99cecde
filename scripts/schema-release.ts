/**
 * `npm run schema:release`: records schema.graphql as the released schema (what the release
 * workflow runs after deploying prod) and empties the override file, whose breaks have now shipped.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { SchemaFiles } from './schema/paths.js';

copyFileSync(SchemaFiles.CURRENT, SchemaFiles.RELEASED);
writeFileSync(SchemaFiles.ALLOWED_BREAKS, '[]\n');
console.log(`Released schema recorded in ${SchemaFiles.RELEASED}; ${SchemaFiles.ALLOWED_BREAKS} emptied.`);
