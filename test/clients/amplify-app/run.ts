import { execFile } from 'node:child_process';

/** What an app process reported: its exit code, its JSON-line steps by name, its stderr. */
export interface AppRun {
  readonly code: number | null;
  readonly steps: Record<string, any>;
  readonly stderr: string;
}

/**
 * Runs an app script (a file in test/clients/amplify-app/) in its own Node process with the given
 * environment added, and gathers the JSON lines it writes (`{ "step": ..., ... }`) by step name.
 * Its own process is what lets it trust the local CA through NODE_EXTRA_CA_CERTS, which Node reads
 * only at start, with nothing of the test process in between.
 */
export function runApp(script: string, env: Record<string, string>, timeout = 90_000): Promise<AppRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `test/clients/amplify-app/${script}`],
      { cwd: process.cwd(), env: { ...process.env, ...env }, timeout },
      (error, stdout, stderr) => {
        const steps = Object.fromEntries(
          stdout
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as { step: string })
            .map((line) => [line.step, line]),
        );
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, steps, stderr });
      },
    );
  });
}

/** Writes one step for the test to read. */
export function report(step: string, detail: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ step, ...detail })}\n`);
}

/** Reads a variable the app needs. */
export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Ends the app: exit 0, or a `failed` step and exit 1. */
export function finish(run: Promise<void>): void {
  run.then(
    () => process.exit(0),
    (error: unknown) => {
      report('failed', { error: error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error) });
      process.exit(1);
    },
  );
}
