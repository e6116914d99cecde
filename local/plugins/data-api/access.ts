import { DatabaseResumingError, HttpEndpointNotEnabledError, SecretsError } from './errors.js';

/** Simulated Aurora Serverless v2 auto-pause (off unless configured). */
export interface AutoPauseOptions {
  /**
   * Idle time after which the instance pauses; the next call fails with
   * DatabaseResumingException and starts the resume.
   */
  idleMs: number;
  /** How long a resume takes; calls during it fail with DatabaseResumingException too. */
  resumeMs: number;
  /**
   * Start paused, so the very first call fails.
   * @default false
   */
  startPaused?: boolean;
}

/** Refuses calls for clusters and secrets the endpoint does not serve. */
export function checkArns(
  resourceArns: ReadonlySet<string>,
  secretArns: ReadonlySet<string>,
  resourceArn: string,
  secretArn: string,
): void {
  if (!resourceArns.has(resourceArn)) throw new HttpEndpointNotEnabledError(resourceArn);
  if (!secretArns.has(secretArn)) throw new SecretsError(secretArn);
}

/**
 * The auto-pause state machine: running → (idle for idleMs) paused → (first call) resuming for
 * resumeMs → running. Calls while paused or resuming fail with DatabaseResumingException.
 */
export class AutoPauseSimulator {
  private lastCallAt: number;
  private resumingUntil = 0;

  constructor(
    private readonly options: AutoPauseOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.lastCallAt = options.startPaused ? -Infinity : now();
  }

  /** Call at the start of every operation. */
  check(resourceArn: string): void {
    const now = this.now();
    if (now < this.resumingUntil) throw new DatabaseResumingError(resourceArn);
    if (now - this.lastCallAt >= this.options.idleMs) {
      this.resumingUntil = now + this.options.resumeMs;
      this.lastCallAt = now;
      throw new DatabaseResumingError(resourceArn);
    }
    this.lastCallAt = now;
  }
}
