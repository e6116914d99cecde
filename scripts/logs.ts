/**
 * `npm run logs -- --stage NAME`: follows the API's and every Lambda's CloudWatch logs in one
 * terminal, each line prefixed with where it came from (AWS CLI v2 `aws logs tail`).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { APP_NAME } from '../infra/constants.js';
import { listOutput, stackOutputs } from './lib/run.js';
import { fail, parseStageArgs } from './lib/stage-args.js';
import { requireAwsReady } from './lib/preflight.js';

const USAGE = `Usage: npm run logs -- --stage NAME [--since 10m] [--no-follow]

Tails the AppSync request logs, the Lambdas' logs and the migration Lambda's logs of a stage.`;

const { stage, values } = parseStageArgs(process.argv.slice(2), { since: { type: 'string' }, 'no-follow': { type: 'boolean' } }, USAGE);

await requireAwsReady('Logs', { needsBootstrap: false, needsAwsCli: true });

let groups: string[];
try {
  const api = stackOutputs(`${APP_NAME}-${stage}-api`);
  groups = [api.ApiLogGroup ?? '', ...listOutput(api.LambdaLogGroups), `/aws/lambda/${APP_NAME}-${stage}-migrate`].filter(Boolean);
} catch (error) {
  fail((error as Error).message);
}

for (const group of groups) {
  const args = [
    'logs',
    'tail',
    group,
    '--format',
    'short',
    '--since',
    String(values.since ?? '10m'),
    ...(values['no-follow'] ? [] : ['--follow']),
  ];
  const child = spawn('aws', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const label = group.replace(/^\/aws\/(lambda|appsync\/apis)\//, '');
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${label}] ${line}\n`));
  }
  child.on('error', (error) => fail(`The AWS CLI v2 is needed (${error.message})`));
}
