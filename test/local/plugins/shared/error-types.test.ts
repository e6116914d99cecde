/**
 * The errorType vocabulary is closed: every value the server writes comes from AppSyncErrorTypes
 * (or, for Lambda's own runtime names, LambdaErrorTypes), never a string typed at the call site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSyncErrorTypes } from '../../../../local/plugins/shared/error-types.js';

const LOCAL = join(process.cwd(), 'local');
// Code that runs inside the resolver sandbox or the Lambda worker process cannot import the
// server's modules; it writes the one value AppSync or Lambda defines there.
const OUTSIDE_THE_SERVER = ['appsync-js/runtime/', 'plugins/lambda/worker-host.ts'];

describe('errorType vocabulary', () => {
  it('has no errorType string literal outside the closed set', () => {
    const offenders = readdirSync(LOCAL, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('shared/error-types.ts'))
      .filter((file) => !OUTSIDE_THE_SERVER.some((prefix) => file.startsWith(prefix)))
      .flatMap((file) =>
        readFileSync(join(LOCAL, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (/errorType\s*[:=]\s*['"`]/.test(line) ? [`local/${file}:${index + 1}`] : [])),
      );

    expect(offenders).toEqual([]);
  });

  it('names each value once', () => {
    const values = Object.values(AppSyncErrorTypes);

    expect(new Set(values).size).toBe(values.length);
  });
});
