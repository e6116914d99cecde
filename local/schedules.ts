/**
 * The manifest's `schedules` offline: each one invokes its Lambda function on a timer while the
 * server runs (EventBridge does it in AWS), and `run(name)` invokes it once now (the `jobs`
 * command, tests). Generic: it knows schedules and functions, not what they do. Runs of one
 * schedule never overlap offline: a tick while the last run is still going is skipped.
 */
import type { ScheduleConfig } from '../platform/manifest/index.js';
import type { LambdaInvokeOutcome } from './plugins/lambda/index.js';

/** How the server runs schedules; tests turn them off or shorten them. */
export interface ScheduleOptions {
  /** Run schedules on their timers. @default true */
  readonly enabled?: boolean;
  /** The timer's period for a schedule. @default rateMinutes minutes, as in AWS */
  readonly intervalMs?: (rateMinutes: number, name: string) => number;
}

/** The schedules of a running server. */
export interface Schedules {
  readonly names: readonly string[];
  /** Invokes the schedule's function with its input now; unknown names throw. */
  run(name: string): Promise<LambdaInvokeOutcome>;
  /** Stops the timers (a run in progress finishes). */
  close(): void;
}

/** Thrown for a schedule name the manifest does not declare. */
export class UnknownScheduleError extends Error {
  override readonly name = 'UnknownScheduleError';
}

/** Starts the timers of `schedules`, invoking functions through `invoke`. */
export function startSchedules(input: {
  schedules: Readonly<Record<string, ScheduleConfig>>;
  invoke: (functionName: string, event: unknown) => Promise<LambdaInvokeOutcome>;
  log: (line: string) => void;
  options?: ScheduleOptions;
}): Schedules {
  const { schedules, invoke, log } = input;
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();

  const run = async (name: string): Promise<LambdaInvokeOutcome> => {
    const schedule = schedules[name];
    if (!schedule) throw new UnknownScheduleError(`No schedule ${name}; the schedules are ${Object.keys(schedules).join(', ') || 'none'}`);
    return invoke(schedule.function, schedule.input ?? {});
  };

  const tick = async (name: string): Promise<void> => {
    if (running.has(name)) return;
    running.add(name);
    try {
      const outcome = await run(name);
      log(
        outcome.ok
          ? `[schedule ${name}] ${JSON.stringify(outcome.result)}`
          : `[schedule ${name}] failed: ${outcome.errorType}: ${outcome.errorMessage}`,
      );
    } catch (error) {
      log(`[schedule ${name}] failed: ${String(error)}`);
    } finally {
      running.delete(name);
    }
  };

  if (input.options?.enabled !== false) {
    for (const [name, schedule] of Object.entries(schedules)) {
      const period = input.options?.intervalMs?.(schedule.rateMinutes, name) ?? schedule.rateMinutes * 60_000;
      const timer = setInterval(() => void tick(name), period);
      timer.unref();
      timers.push(timer);
    }
  }
  return {
    names: Object.keys(schedules),
    run,
    close: () => timers.forEach((timer) => clearInterval(timer)),
  };
}
