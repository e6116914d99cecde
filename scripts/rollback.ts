/**
 * `npm run rollback -- --stage NAME`: puts every Lambda's `live` alias back on its previous
 * version, at once (stopping a canary in progress first). `--to GIT_REF` instead redeploys the
 * API stack (schema, resolvers, Lambdas) from an earlier commit. The database is never rolled
 * back: migrations only go forward, so both modes leave the data stack as it is.
 */
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_NAME, LambdaDefaults } from '../infra/constants.js';
import { awsJson, listOutput, run, stackOutputs } from './lib/run.js';
import { fail, parseStageArgs } from './lib/stage-args.js';
import { requireAwsReady } from './lib/preflight.js';

const USAGE = `Usage: npm run rollback -- --stage NAME [--to GIT_REF]

Without --to: every Lambda's '${LambdaDefaults.ALIAS_NAME}' alias goes back to the version before the current one
(seconds; a canary in progress is stopped and rolled back by CodeDeploy instead).
With --to GIT_REF: redeploys the API stack (schema, resolvers, Lambdas) from that commit.
The database and its migrations are never rolled back.`;

const { stage, values } = parseStageArgs(process.argv.slice(2), { to: { type: 'string' } }, USAGE);
const apiStack = `${APP_NAME}-${stage}-api`;
// --to redeploys through the CDK (bootstrap needed); both modes call the AWS CLI.
await requireAwsReady('Rollback', { needsBootstrap: values.to !== undefined, needsAwsCli: true });

/** Redeploys only the API stack from `ref`, in a temporary worktree sharing this node_modules. */
async function redeployFrom(ref: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), `roam-rollback-${stage}-`));
  try {
    if ((await run('git', ['worktree', 'add', '--detach', dir, ref])) !== 0) fail(`Cannot check out ${ref}`);
    await symlink(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
    const code = await run('npx', ['cdk', 'deploy', apiStack, '--exclusively', '-c', `stage=${stage}`, '--require-approval', 'never'], {
      cwd: dir,
    });
    if (code !== 0)
      fail(`Redeploying ${apiStack} from ${ref} failed (exit ${code}); CloudFormation rolled the stack back to what was live.`);
  } finally {
    await run('git', ['worktree', 'remove', '--force', dir]);
    await rm(dir, { recursive: true, force: true });
  }
}

/** One Lambda's release wiring, from the API stack's `LambdaReleases` output. */
interface Release {
  readonly functionName: string;
  readonly application: string;
  readonly deploymentGroup: string;
}

/** Stops a canary in progress (CodeDeploy then restores the previous version); false when none runs. */
function stopActiveCanary(release: Release): boolean {
  const active = awsJson<{ deployments: string[] }>([
    'deploy',
    'list-deployments',
    '--application-name',
    release.application,
    '--deployment-group-name',
    release.deploymentGroup,
    '--include-only-statuses',
    'InProgress',
    'Queued',
    'Ready',
  ]).deployments;
  for (const id of active) {
    awsJson(['deploy', 'stop-deployment', '--deployment-id', id, '--auto-rollback-enabled']);
    console.log(`${release.functionName}: stopped canary ${id}; CodeDeploy moves the alias back`);
  }
  return active.length > 0;
}

/** Points the alias at the highest published version below the current one. */
function previousVersion(release: Release): void {
  if (stopActiveCanary(release)) return;
  const { functionName } = release;
  const alias = awsJson<{ FunctionVersion: string }>([
    'lambda',
    'get-alias',
    '--function-name',
    functionName,
    '--name',
    LambdaDefaults.ALIAS_NAME,
  ]);
  const versions = awsJson<{ Versions: { Version: string }[] }>(['lambda', 'list-versions-by-function', '--function-name', functionName])
    .Versions.map((v) => v.Version)
    .filter((v) => v !== '$LATEST')
    .map(Number)
    .filter((v) => v < Number(alias.FunctionVersion))
    .sort((a, b) => b - a);
  const target = versions[0];
  if (target === undefined) {
    console.log(`${functionName}: version ${alias.FunctionVersion} is the first; nothing to roll back to`);
    return;
  }
  awsJson([
    'lambda',
    'update-alias',
    '--function-name',
    functionName,
    '--name',
    LambdaDefaults.ALIAS_NAME,
    '--function-version',
    String(target),
  ]);
  console.log(`${functionName}: ${LambdaDefaults.ALIAS_NAME} ${alias.FunctionVersion} -> ${target}`);
}

try {
  if (typeof values.to === 'string') {
    await redeployFrom(values.to);
  } else {
    const releases = listOutput(stackOutputs(apiStack).LambdaReleases).map((entry): Release => {
      const [functionName = '', application = '', deploymentGroup = ''] = entry.split('|');
      return { functionName, application, deploymentGroup };
    });
    if (releases.length === 0) fail(`${apiStack} has no Lambdas to roll back`);
    for (const release of releases) previousVersion(release);
    console.log('Done. The next `npm run deploy` moves the aliases to the code of the commit it deploys.');
  }
} catch (error) {
  fail((error as Error).message);
}
