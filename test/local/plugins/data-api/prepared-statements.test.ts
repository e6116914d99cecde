import { createPgliteBackend } from '../../../../local/plugins/data-api/index.js';
import { definePreparedStatementCases } from './support/prepared-statement-cases.js';

definePreparedStatementCases('pglite', () => createPgliteBackend());
