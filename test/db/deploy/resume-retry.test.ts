/**
 * The Data API resume retry, against the offline Data API core with its auto-pause simulation:
 * calls during a resume are retried until the instance answers, other errors are not retried,
 * and a resume longer than every wait surfaces the service's own error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isDatabaseResuming, readDataApiConfig, DataApiConfigError, withResumeRetry } from '../../../db/deploy/index.js';
import {
  createDataApiCore,
  createPgliteBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type DataApiCore,
} from '../../../local/plugins/data-api/index.js';

const arns = { resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN };
let core: DataApiCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

function pausedCore(resumeMs: number): DataApiCore {
  core = createDataApiCore({ backend: createPgliteBackend(), autoPause: { idleMs: 60 * 60_000, resumeMs, startPaused: true } });
  return core;
}

describe('withResumeRetry', () => {
  it('retries while the database resumes, then returns the answer', async () => {
    const retries: number[] = [];
    const api = withResumeRetry(pausedCore(150), { delaysMs: [100, 100, 100, 100], onRetry: (attempt) => retries.push(attempt) });
    const result = await api.executeStatement({ ...arns, sql: 'SELECT 41 + 1' });
    expect(result.records?.[0]?.[0]?.longValue).toBe(42);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]).toBe(1);
  });

  it('gives up with the service error when the resume outlasts every wait', async () => {
    const api = withResumeRetry(pausedCore(60_000), { delaysMs: [10, 10] });
    const error = await api.executeStatement({ ...arns, sql: 'SELECT 1' }).catch((e: unknown) => e);
    expect(isDatabaseResuming(error)).toBe(true);
    expect((error as Error).name).toBe('DatabaseResumingException');
  });

  it('does not retry other errors', async () => {
    const retries: number[] = [];
    core = createDataApiCore({ backend: createPgliteBackend() });
    const api = withResumeRetry(core, { delaysMs: [10, 10], onRetry: (attempt) => retries.push(attempt) });
    await expect(api.executeStatement({ ...arns, sql: 'SELECT * FROM no_such_table' })).rejects.toThrow(/no_such_table/);
    expect(retries).toEqual([]);
  });
});

describe('readDataApiConfig', () => {
  it('reads the variables the CDK and the offline server set', () => {
    expect(
      readDataApiConfig({
        RDS_RESOURCE_ARN: 'arn:c',
        RDS_SECRET_ARN: 'arn:s',
        RDS_DATABASE: 'roam',
        RDS_DATA_API_ENDPOINT: 'http://127.0.0.1:1',
      }),
    ).toEqual({ resourceArn: 'arn:c', secretArn: 'arn:s', database: 'roam', endpoint: 'http://127.0.0.1:1' });
  });

  it('names every missing variable', () => {
    expect(() => readDataApiConfig({ RDS_DATABASE: 'roam' })).toThrow(DataApiConfigError);
    expect(() => readDataApiConfig({ RDS_DATABASE: 'roam' })).toThrow('Missing environment variable(s): RDS_RESOURCE_ARN, RDS_SECRET_ARN');
  });
});
