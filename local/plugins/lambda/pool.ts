/**
 * The warm workers of one function, reused between calls like warm Lambda execution
 * environments. Calls are served in arrival order by a free warm worker. The first call starts
 * the first worker; another starts only when a call has waited `scaleUpAfterMs` for one while
 * every worker has been on its current call for that long too, one cold start at a time, up to
 * `concurrency`: a quick handler is served by one warm process however long the queue (or however
 * starved the CPU), a slow one gets more.
 * Idle workers stop after a while: extras after `scaleDownAfterMs`, the last one after
 * `keepWarmMs`. A reload bumps the generation: idle workers of the old code stop at once, busy
 * ones when their call ends.
 */
import { performance } from 'node:perf_hooks';
import { LambdaErrorTypes } from './constants.js';
import { LambdaBuildError, LambdaRunnerClosedError } from './errors.js';
import type { InvokeRequest } from './protocol.js';
import type { LambdaBuildReport, LambdaInvokeOutcome } from './types.js';
import type { LambdaWorker } from './worker.js';

type Failure = Extract<LambdaInvokeOutcome, { ok: false }>;

/** When workers start and stop (milliseconds). */
export interface PoolTimings {
  /** A call that waited this long for a free worker starts another one (under `concurrency`). */
  readonly scaleUpAfterMs: number;
  /** An idle worker that is not the function's last one stops after this long. */
  readonly scaleDownAfterMs: number;
  /** The function's last worker stops after this long idle. */
  readonly keepWarmMs: number;
}

/** What a pool needs from the runner. */
export interface PoolDeps {
  readonly functionName: string;
  readonly concurrency: number;
  readonly timings: PoolTimings;
  build(generation: number): Promise<LambdaBuildReport>;
  startWorker(build: LambdaBuildReport): LambdaWorker;
  /** Told when the number of idle workers changes, so the runner can keep its cap across functions. */
  idleChanged(delta: number): void;
}

interface Member {
  readonly worker: LambdaWorker;
  readonly generation: number;
  /** `performance.now()` when it last became free. */
  idleSince: number;
  /** `performance.now()` when its current call started; undefined while free or loading. */
  busySince: number | undefined;
}

interface Waiter {
  readonly since: number;
  readonly resolve: (got: Member | Failure) => void;
  readonly reject: (error: Error) => void;
}

/** One function's workers, its queue of waiting calls and its current build. */
export class FunctionPool {
  /** Every started worker (warm, busy or still loading), of any generation. */
  private readonly members = new Set<Member>();
  /** Free warm workers of the current generation; the most recently used last. */
  private readonly idle: Member[] = [];
  private readonly waiters: Waiter[] = [];
  /** Workers whose bundle is being built, not yet in `members`. */
  private launching = 0;
  /** Workers started whose module is still loading. */
  private loading = 0;
  private scaleUpTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private currentBuild: Promise<LambdaBuildReport> | undefined;
  private closed = false;

  constructor(private readonly deps: PoolDeps) {}

  /** The bundle of the current generation, built once. */
  build(): Promise<LambdaBuildReport> {
    this.currentBuild ??= this.deps.build(this.generation);
    return this.currentBuild;
  }

  /** Runs one invocation on a free warm worker, waiting for one (or starting one) if none is free. */
  async invoke(request: InvokeRequest): Promise<LambdaInvokeOutcome> {
    if (this.closed) throw new LambdaRunnerClosedError();
    const got = this.takeIdle() ?? (await this.waitForWorker());
    if ('ok' in got) return got;
    try {
      return await got.worker.invoke(request);
    } finally {
      got.busySince = undefined;
      this.release(got);
    }
  }

  /** Process ids of the workers started and not yet stopped. */
  pids(): number[] {
    const pids: number[] = [];
    for (const { worker } of this.members) if (worker.alive && worker.pid !== undefined) pids.push(worker.pid);
    return pids;
  }

  /** `performance.now()` when the longest-idle worker became free, if any is idle. */
  oldestIdleSince(): number | undefined {
    return this.idle[0]?.idleSince;
  }

  /** Stops the longest-idle worker (the runner's cap on idle workers across functions). */
  stopOldestIdle(): void {
    const member = this.idle.shift();
    if (!member) return;
    this.deps.idleChanged(-1);
    void member.worker.kill();
  }

  /** Stops workers idle for longer than their limit; the runner calls this periodically. */
  sweep(now = performance.now()): void {
    const { scaleDownAfterMs, keepWarmMs } = this.deps.timings;
    let alive = 0;
    for (const member of this.members) if (member.worker.alive) alive += 1;
    // Longest idle first, so the most recently used process is the one kept warm longest.
    for (let i = 0; i < this.idle.length;) {
      const member = this.idle[i] as Member;
      const limit = alive > 1 ? scaleDownAfterMs : keepWarmMs;
      if (now - member.idleSince >= limit) {
        this.idle.splice(i, 1);
        this.deps.idleChanged(-1);
        alive -= 1;
        void member.worker.kill();
      } else i += 1;
    }
  }

  /** Starts a new generation: the next calls use a fresh build in fresh processes. */
  async reload(): Promise<LambdaBuildReport> {
    this.generation += 1;
    this.currentBuild = undefined;
    const stale = this.idle.splice(0);
    if (stale.length > 0) this.deps.idleChanged(-stale.length);
    await Promise.all(stale.map(({ worker }) => worker.kill()));
    if (this.waiters.length > 0) this.launch();
    return this.build();
  }

  /** Stops every worker; calls in flight fail, waiting calls throw {@link LambdaRunnerClosedError}. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.scaleUpTimer);
    for (const waiter of this.waiters.splice(0)) waiter.reject(new LambdaRunnerClosedError());
    if (this.idle.length > 0) this.deps.idleChanged(-this.idle.length);
    this.idle.length = 0;
    await Promise.all([...this.members].map(({ worker }) => worker.kill()));
  }

  /** A free warm worker, unless calls are already waiting (they go first). */
  private takeIdle(): Member | undefined {
    if (this.waiters.length > 0) return undefined;
    const member = this.idle.pop();
    if (!member) return undefined;
    this.deps.idleChanged(-1);
    if (!member.worker.alive) return this.takeIdle();
    member.busySince = performance.now();
    return member;
  }

  private waitForWorker(): Promise<Member | Failure> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ since: performance.now(), resolve, reject });
      if (this.currentWorkers() === 0) this.launch();
      else this.armScaleUp();
    });
  }

  /** Workers of the current generation, started or being built. */
  private currentWorkers(): number {
    let count = this.launching;
    for (const member of this.members) if (member.generation === this.generation && member.worker.alive) count += 1;
    return count;
  }

  /** Starts one more worker in the background; it serves the oldest waiting call once warm. */
  private launch(): void {
    const generation = this.generation;
    this.launching += 1;
    this.build().then(
      (build) => {
        this.launching -= 1;
        if (this.closed) return;
        const member: Member = { worker: this.deps.startWorker(build), generation, idleSince: 0, busySince: undefined };
        this.members.add(member);
        this.loading += 1;
        void member.worker.exited.then(() => this.forget(member));
        void member.worker.initialized.then((failure) => {
          this.loading -= 1;
          if (failure) this.initFailed(member, failure);
          else this.offer(member);
          this.armScaleUp();
        });
      },
      (error: unknown) => {
        this.launching -= 1;
        const errorMessage = error instanceof LambdaBuildError ? error.message : String(error);
        // The build is cached: every waiting call would get the same answer.
        for (const waiter of this.waiters.splice(0)) waiter.resolve({ ok: false, errorType: LambdaErrorTypes.BUILD, errorMessage });
      },
    );
  }

  /**
   * When another worker would help: a call has waited `scaleUpAfterMs`, every worker of the
   * current code has been on its call for as long (a long queue of quick calls, or a CPU starved
   * by other work, does not qualify: one more process would only compete for the same CPU), and
   * no worker is still starting. Returns when to look again, or undefined if nothing can change
   * before a worker frees up or finishes loading.
   */
  private scaleUpDue(): number | undefined {
    const oldest = this.waiters[0];
    if (!oldest || this.closed || this.launching + this.loading > 0) return undefined;
    if (this.currentWorkers() >= this.deps.concurrency) return undefined;
    const { scaleUpAfterMs } = this.deps.timings;
    let due = oldest.since + scaleUpAfterMs;
    for (const member of this.members) {
      if (member.generation !== this.generation || !member.worker.alive) continue;
      if (member.busySince === undefined) return undefined;
      due = Math.max(due, member.busySince + scaleUpAfterMs);
    }
    return due;
  }

  /** Starts another worker when {@link scaleUpDue} says so, checking again at the time it names. */
  private armScaleUp(): void {
    if (this.scaleUpTimer) return;
    const due = this.scaleUpDue();
    if (due === undefined) return;
    this.scaleUpTimer = setTimeout(
      () => {
        this.scaleUpTimer = undefined;
        const now = performance.now();
        const next = this.scaleUpDue();
        if (next !== undefined && next <= now) this.launch();
        else this.armScaleUp();
      },
      Math.max(0, due - performance.now()),
    );
    this.scaleUpTimer.unref();
  }

  /** A warm worker is free: it serves the oldest waiting call, else waits idle. */
  private offer(member: Member): void {
    if (this.closed || member.generation !== this.generation || !member.worker.alive) {
      void member.worker.kill();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      member.busySince = performance.now();
      waiter.resolve(member);
      if (this.waiters.length > 0) this.armScaleUp();
      return;
    }
    member.idleSince = performance.now();
    this.idle.push(member);
    this.deps.idleChanged(1);
  }

  private release(member: Member): void {
    this.offer(member);
  }

  /** The module failed to load: the oldest waiting call gets the error; the next one tries again. */
  private initFailed(member: Member, failure: Failure): void {
    void member.worker.kill();
    this.waiters.shift()?.resolve(failure);
  }

  /** A worker's process ended: drop it, and start a replacement if calls are left waiting. */
  private forget(member: Member): void {
    this.members.delete(member);
    const at = this.idle.indexOf(member);
    if (at >= 0) {
      this.idle.splice(at, 1);
      this.deps.idleChanged(-1);
    }
    if (!this.closed && this.waiters.length > 0 && this.currentWorkers() === 0) this.launch();
  }
}
