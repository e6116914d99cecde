/**
 * `npm run schema:check`: fails when schema.graphql breaks what apps built against the last
 * released schema (schema/released.graphql) rely on, unless schema/allowed-breaks.json names that
 * exact change with a reason; lists dangerous and safe changes. `--released FILE`, `--current FILE`
 * and `--allowed FILE` point elsewhere (the tests use them).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareSchemas, formatReport, parseAllowedBreaks } from './schema/compatibility.js';
import { SchemaFiles } from './schema/paths.js';

const { values } = parseArgs({
  options: {
    released: { type: 'string', default: SchemaFiles.RELEASED },
    current: { type: 'string', default: SchemaFiles.CURRENT },
    allowed: { type: 'string', default: SchemaFiles.ALLOWED_BREAKS },
  },
});

const overrides = parseAllowedBreaks(readFileSync(values.allowed, 'utf8'), values.allowed);
const report = await compareSchemas(readFileSync(values.released, 'utf8'), readFileSync(values.current, 'utf8'), overrides);
const { ok, text } = formatReport(report);
console.log(text);
if (!ok) {
  console.error(
    `\nA breaking change reaches phones that keep old builds for months. Prefer an additive change (a new field, a deprecation).` +
      `\nIf the break is deliberate, add its exact message and a reason to ${values.allowed} for review.`,
  );
  process.exitCode = 1;
}
