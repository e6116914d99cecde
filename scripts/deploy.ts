/**
 * `npm run deploy -- --stage NAME`: bundles, synthesizes and deploys a stage's stacks (data,
 * auth, api), running the migrations on the way; Lambda changes then roll out by canary.
 */
import { parseStageArgs, fail } from './lib/stage-args.js';
import { run } from './lib/run.js';
import { requireAwsReady } from './lib/preflight.js';

const USAGE = `Usage: npm run deploy -- --stage NAME [--prod-min-capacity ACU] [--project FILE#EXPORT] [--ci]

Deploys the stacks roam-NAME-data, roam-NAME-auth and roam-NAME-api to the account and region of
your AWS credentials (run \`npx cdk bootstrap\` once per account and region first).
  --stage NAME              dev, prod, or a preview name such as pr-42
  --prod-min-capacity ACU   prod only: Aurora minimum capacity (default 0.5; 0 allows pausing)
  --project FILE#EXPORT     the project configuration to deploy (default api.config.ts#api)
  --ci                      no approval prompts, progress as events (for GitHub Actions)`;

const { stage, values } = parseStageArgs(
  process.argv.slice(2),
  {
    'prod-min-capacity': { type: 'string' },
    project: { type: 'string' },
    ci: { type: 'boolean' },
  },
  USAGE,
);

await requireAwsReady('Deploy', { needsBootstrap: true, needsAwsCli: false });

const args = ['cdk', 'deploy', '--all', '-c', `stage=${stage}`, '--outputs-file', `cdk.out/outputs-${stage}.json`];
if (values['prod-min-capacity'] !== undefined) args.push('-c', `prodMinCapacity=${String(values['prod-min-capacity'])}`);
if (values.project !== undefined) args.push('-c', `project=${String(values.project)}`);
if (values.ci) args.push('--ci', '--require-approval', 'never', '--progress', 'events');

const code = await run('npx', args);
if (code !== 0)
  fail(
    `Deploy of ${stage} failed (exit ${code}); the CDK's output above says which step. A stack whose update failed is rolled back by CloudFormation (its events are in the console).`,
  );
