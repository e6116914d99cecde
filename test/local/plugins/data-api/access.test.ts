import { describe, expect, it } from 'vitest';
import { AutoPauseSimulator } from '../../../../local/plugins/data-api/access.js';

const arn = 'arn:aws:rds:us-east-1:123456789012:cluster:roam-local';

describe('AutoPauseSimulator', () => {
  it('pauses after the idle time, refuses calls while resuming, then serves them', () => {
    let now = 0;
    const simulator = new AutoPauseSimulator({ idleMs: 1000, resumeMs: 500 }, () => now);
    expect(() => simulator.check(arn)).not.toThrow();
    now = 900;
    expect(() => simulator.check(arn)).not.toThrow(); // a call resets the idle clock
    now = 1899;
    expect(() => simulator.check(arn)).not.toThrow();
    now = 2899;
    expect(() => simulator.check(arn)).toThrow(expect.objectContaining({ awsName: 'DatabaseResumingException' }));
    now = 3398;
    expect(() => simulator.check(arn)).toThrow(expect.objectContaining({ awsName: 'DatabaseResumingException' }));
    now = 3399;
    expect(() => simulator.check(arn)).not.toThrow();
  });

  it('startPaused refuses the very first call', () => {
    const simulator = new AutoPauseSimulator({ idleMs: 60_000, resumeMs: 0, startPaused: true }, () => 5);
    expect(() => simulator.check(arn)).toThrow(expect.objectContaining({ name: 'DatabaseResumingException' }));
    expect(() => simulator.check(arn)).not.toThrow();
  });
});
