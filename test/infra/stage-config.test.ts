/** Parsing `-c stage=...` and its options: bad input is refused with every problem named. */
import { describe, expect, it } from 'vitest';
import { readStageConfig } from '../../infra/config/stage.js';
import { InfraConfigError } from '../../infra/errors.js';

const reader = (context: Record<string, string>) => (key: string) => context[key];

describe('readStageConfig', () => {
  it('scales every stage but prod to zero, and prod to the configured minimum', () => {
    expect(readStageConfig(reader({ stage: 'dev' }))).toMatchObject({ name: 'dev', isProd: false, isPreview: false, minCapacity: 0 });
    expect(readStageConfig(reader({ stage: 'pr-7', prodMinCapacity: '2' }))).toMatchObject({ isPreview: true, minCapacity: 0 });
    expect(readStageConfig(reader({ stage: 'prod' })).minCapacity).toBe(0.5);
    expect(readStageConfig(reader({ stage: 'prod', prodMinCapacity: '0' })).minCapacity).toBe(0);
  });

  it('refuses a missing or unsafe stage name and a bad capacity, naming each problem', () => {
    expect(() => readStageConfig(reader({}))).toThrow(/-c stage=NAME is required/);
    let caught: unknown;
    try {
      readStageConfig(reader({ stage: 'Feature/X', maxCapacity: 'lots' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InfraConfigError);
    const problems = (caught as InfraConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/"Feature\/X"/);
    expect(problems[1]).toMatch(/maxCapacity=lots must be a number/);
  });
});
