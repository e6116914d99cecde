/** `@aws-appsync/utils/rds`: SQL builders, statement creators and the result converter. */
export { agg } from './agg.js';
export { insert, remove, update } from './mutations.js';
export { select } from './select.js';
export { sql } from './sql.js';
export { createMySQLStatement, createPgStatement } from './statements.js';
export { toJsonObject } from './to-json-object.js';
export { typeHint } from './type-hint.js';
