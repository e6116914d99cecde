/**
 * Checks before `deploy`, `rollback` and `logs` touch AWS: that credentials are found and
 * accepted, that a region is set, that the account and region are bootstrapped for the CDK (when
 * the command deploys), and that the AWS CLI is installed (when the command runs it). Each problem
 * comes back as a sentence saying what is missing and the command that fixes it.
 */
import { spawnSync } from 'node:child_process';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';

/** The CDK's default bootstrap qualifier; its stack records its version in this SSM parameter. */
export const BOOTSTRAP_VERSION_PARAMETER = '/cdk-bootstrap/hnb659fds/version';

export interface PreflightOptions {
  /** The command deploys a stack, so the CDK bootstrap stack must exist. */
  readonly needsBootstrap: boolean;
  /** The command runs the AWS CLI v2. */
  readonly needsAwsCli: boolean;
  /** Settings for the SDK clients (tests pass a request handler that answers as AWS would). */
  readonly clientConfig?: Pick<STSClientConfig, 'region' | 'credentials' | 'requestHandler'>;
  /** Whether the `aws` command is installed. @default runs `aws --version` */
  readonly hasAwsCli?: () => boolean;
}

export interface PreflightResult {
  /** Who the credentials belong to, when they were accepted. */
  readonly account?: string;
  readonly region?: string;
  /** What is missing, each with what to do; empty when all is ready. */
  readonly problems: readonly string[];
}

function awsCliInstalled(): boolean {
  return spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
}

function errorName(error: unknown): string {
  return (error as { name?: string }).name ?? 'Error';
}

/** What a failed GetCallerIdentity means for the person at the terminal. */
function credentialProblem(error: unknown): string {
  const name = errorName(error);
  const message = (error as Error).message;
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message))
    return 'No AWS credentials found. Sign in first: `aws configure` (access keys), `aws sso login --profile NAME` with AWS_PROFILE=NAME, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.';
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException' || /expired/i.test(message))
    return `Your AWS credentials have expired (${name}). Sign in again: \`aws sso login\`, or fetch new session credentials.`;
  if (name === 'InvalidClientTokenId' || name === 'SignatureDoesNotMatch' || name === 'UnrecognizedClientException')
    return `AWS refused your credentials (${name}: ${message}). Check the access key and secret (\`aws configure list\` shows which are used).`;
  return `Could not check your AWS credentials (${name}: ${message}).`;
}

/** Runs every check and returns what it found; never throws. */
export async function preflight(options: PreflightOptions): Promise<PreflightResult> {
  const problems: string[] = [];
  if (options.needsAwsCli && !(options.hasAwsCli ?? awsCliInstalled)())
    problems.push(
      'The AWS CLI v2 is not installed (this command runs `aws`): see https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html',
    );

  const sts = new STSClient({ ...options.clientConfig });
  let region: string | undefined;
  try {
    region = await sts.config.region();
  } catch {
    region = undefined;
  }
  if (!region) {
    problems.push('No AWS region is set. Set AWS_REGION (e.g. export AWS_REGION=eu-west-1) or `aws configure set region eu-west-1`.');
    return { problems };
  }

  let account: string | undefined;
  try {
    account = (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (error) {
    problems.push(credentialProblem(error));
    return { region, problems };
  }

  if (options.needsBootstrap) {
    const ssm = new SSMClient({ ...options.clientConfig, region });
    try {
      await ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_VERSION_PARAMETER }));
    } catch (error) {
      if (errorName(error) === 'ParameterNotFound')
        problems.push(
          `Account ${account} in ${region} is not bootstrapped for the CDK (no ${BOOTSTRAP_VERSION_PARAMETER} parameter). Run once: npx cdk bootstrap aws://${account}/${region}`,
        );
      else if (errorName(error) !== 'AccessDeniedException')
        // Credentials that may deploy but not read SSM: the CDK checks the bootstrap itself.
        problems.push(`Could not check the CDK bootstrap of ${account} in ${region} (${errorName(error)}: ${(error as Error).message}).`);
    }
  }
  return { ...(account ? { account } : {}), region, problems };
}

/** Runs the checks; prints what is missing and exits 1 if anything is. */
export async function requireAwsReady(command: string, options: PreflightOptions): Promise<PreflightResult> {
  const result = await preflight(options);
  if (result.problems.length > 0) {
    process.stderr.write(
      `${command} did not start; nothing was changed in AWS:\n${result.problems.map((line) => `  - ${line}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`AWS account ${result.account} in ${result.region}\n`);
  return result;
}
