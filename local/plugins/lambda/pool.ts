/**
 * The warm workers of one function: at most `concurrency` processes, reused between calls like
 * warm Lambda containers; further calls wait in line. A reload bumps the generation: idle
 * workers of the old code stop at once, busy ones when their call ends.
 */
import { LambdaErrorTypes } from './constants.js';
import { LambdaBuildError, LambdaRunnerClosedError } from './errors.js';
import type { InvokeMessage } from './protocol.js';
import type { LambdaBuildReport, LambdaInvokeOutcome } from './types.js';
import type { LambdaWorker } from './worker.js';

/** What a pool needs from the runner: building its bundle and starting a process for it. */
export interface PoolDeps {
  readonly functionName: string;
  readonly concurrency: number;
  build(generation: number): Promise<LambdaBuildReport>;
  startWorker(build: LambdaBuildReport): LambdaWorker;
}

interface Tagged {
  readonly worker: LambdaWorker;
  readonly generation: number;
}

/** Counts free slots and queues callers in arrival order. */
class Slots {
  private readonly waiting: Array<() => void> = [];
  constructor(private free: number) {}
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

/** One function's workers, queue and current build. */
export class FunctionPool {
  private readonly slots: Slots;
  private readonly idle: Tagged[] = [];
  private readonly busy = new Set<Tagged>();
  private generation = 0;
  private currentBuild: Promise<LambdaBuildReport> | undefined;
  private closed = false;

  constructor(private readonly deps: PoolDeps) {
    this.slots = new Slots(deps.concurrency);
  }

  /** The bundle of the current generation, built once. */
  build(): Promise<LambdaBuildReport> {
    this.currentBuild ??= this.deps.build(this.generation);
    return this.currentBuild;
  }

  /** Runs one invocation on a warm worker, starting one if none is free. */
  async invoke(message: Omit<InvokeMessage, 'kind' | 'deadlineMs'>): Promise<LambdaInvokeOutcome> {
    await this.slots.take();
    try {
      if (this.closed) throw new LambdaRunnerClosedError();
      const tagged = await this.acquire();
      if ('ok' in tagged) return tagged;
      this.busy.add(tagged);
      try {
        return await tagged.worker.invoke(message);
      } finally {
        this.busy.delete(tagged);
        this.release(tagged);
      }
    } finally {
      this.slots.give();
    }
  }

  /** Starts a new generation: the next calls use a fresh build in fresh processes. */
  async reload(): Promise<LambdaBuildReport> {
    this.generation += 1;
    this.currentBuild = undefined;
    const stale = this.idle.splice(0);
    await Promise.all(stale.map(({ worker }) => worker.kill()));
    return this.build();
  }

  /** Stops every worker; calls in flight fail, queued calls throw {@link LambdaRunnerClosedError}. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle.splice(0), ...this.busy];
    await Promise.all(all.map(({ worker }) => worker.kill()));
  }

  private async acquire(): Promise<Tagged | Extract<LambdaInvokeOutcome, { ok: false }>> {
    const generation = this.generation;
    while (this.idle.length > 0) {
      const candidate = this.idle.pop();
      if (candidate?.worker.alive && candidate.generation === generation) return candidate;
      void candidate?.worker.kill();
    }
    let build: LambdaBuildReport;
    try {
      build = await this.build();
    } catch (error) {
      const message = error instanceof LambdaBuildError ? error.message : String(error);
      return { ok: false, errorType: LambdaErrorTypes.BUILD, errorMessage: message };
    }
    if (this.closed) throw new LambdaRunnerClosedError();
    return { worker: this.deps.startWorker(build), generation };
  }

  private release(tagged: Tagged): void {
    if (!this.closed && tagged.worker.alive && tagged.generation === this.generation) this.idle.push(tagged);
    else void tagged.worker.kill();
  }
}
