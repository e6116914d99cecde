/** The one resume-retry policy: the same doubling waits for every caller, bounded by what each can afford. */
import { describe, expect, it } from 'vitest';
import { MIGRATION_RESUME_WAIT_MS } from '../../../db/deploy/index.js';
import { resumeRetryDelays, ResumeRetryPolicy } from '../../../platform/data-api/resume-retry.js';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('resumeRetryDelays', () => {
  it('doubles from half a second and never waits more than 10 s at once', () => {
    const delays = resumeRetryDelays(60_000);

    expect(delays.slice(0, 5)).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
    expect(Math.max(...delays)).toBe(ResumeRetryPolicy.MAX_DELAY_MS);
  });

  it('adds up to no more than the wait the caller can afford', () => {
    expect(sum(resumeRetryDelays())).toBeLessThanOrEqual(ResumeRetryPolicy.DEFAULT_MAX_WAIT_MS);
    expect(sum(resumeRetryDelays(MIGRATION_RESUME_WAIT_MS))).toBeLessThanOrEqual(MIGRATION_RESUME_WAIT_MS);
    // A 30 s resume, the slowest reported, is outlasted by the migration's schedule.
    expect(sum(resumeRetryDelays(MIGRATION_RESUME_WAIT_MS))).toBeGreaterThan(30_000);
  });
});
