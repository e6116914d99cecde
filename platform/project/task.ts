/**
 * A command a project offers against its database (migrate, seed, a scheduled job run now). It
 * only needs a Data API target, so the same task runs offline (`local/task-cli.ts` opens the
 * embedded database or a PostgreSQL server) and anywhere the real Data API is reachable.
 */
import type { DataApiTarget } from '../data-api/types.js';

export interface ProjectTask {
  /** What the task does and its own options, printed by `--help`. */
  readonly help: string;
  /**
   * Runs the task. `argv` holds only the task's own arguments. Throw an error named `UsageError`
   * for bad arguments: it is printed as one line and exits with code 2.
   */
  run(target: DataApiTarget, argv: readonly string[], log: (line: string) => void): Promise<void>;
}
