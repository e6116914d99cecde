/** Runs the CDK and AWS CLIs as child processes, output passed through. */
import { spawn, spawnSync } from 'node:child_process';

/** Runs a command with inherited stdio; resolves with its exit code. */
export function run(command: string, args: readonly string[], options: { cwd?: string } = {}): Promise<number> {
  process.stderr.write(`$ ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: options.cwd });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Runs the AWS CLI and parses its JSON output. @throws with the CLI's message when it fails */
export function awsJson<T>(args: readonly string[]): T {
  const result = spawnSync('aws', [...args, '--output', 'json'], { encoding: 'utf8' });
  if (result.error) throw new Error(`The AWS CLI v2 is needed (${result.error.message})`);
  if (result.status !== 0) throw new Error(`aws ${args.slice(0, 2).join(' ')} failed: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout || 'null') as T;
}

/** The outputs of a deployed stack, by key. */
export function stackOutputs(stackName: string): Record<string, string> {
  const outputs = awsJson<{ OutputKey: string; OutputValue: string }[] | null>([
    'cloudformation',
    'describe-stacks',
    '--stack-name',
    stackName,
    '--query',
    'Stacks[0].Outputs',
  ]);
  return Object.fromEntries((outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
}

/** Splits a comma-separated output, dropping the `-` placeholder of an empty list. */
export function listOutput(value: string | undefined): string[] {
  return (value ?? '').split(',').filter((item) => item && item !== '-');
}
