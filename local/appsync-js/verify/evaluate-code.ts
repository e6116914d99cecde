/**
 * AppSync's `EvaluateCode` API (IAM permission `appsync:EvaluateCode`) through
 * `@aws-sdk/client-appsync`, with the region, profile and credentials of the usual AWS settings
 * (environment, `~/.aws`, SSO, instance role). It refuses before any call when there is no
 * region or no credentials, so nothing is half-evaluated.
 */
import { AppSyncClient, EvaluateCodeCommand } from '@aws-sdk/client-appsync';
import { APPSYNC_JS_RUNTIME } from '../../../platform/appsync-js/constants.js';
import type { ExpectedAnswer } from '../conformance/cases.js';
import { withoutPosition } from '../conformance/run-case.js';

/** The AWS settings are missing: say which and how to give them. */
export class AwsSetupError extends Error {
  override readonly name = 'AwsSetupError';
}

/** Where to send the calls; anything left out comes from the usual AWS settings. */
export interface EvaluatorOptions {
  /** Another endpoint (a stand-in for tests). */
  endpoint?: string;
  region?: string;
  profile?: string;
}

/** One `EvaluateCode` call: the module's `fn` handler with `context`, answered as a case answer. */
export type Evaluate = (code: string, fn: 'request' | 'response', context: Record<string, unknown>) => Promise<ExpectedAnswer>;

/** An evaluator bound to one AppSync client, after checking that the region and credentials resolve. */
export async function createEvaluator(options: EvaluatorOptions = {}): Promise<Evaluate> {
  const client = new AppSyncClient({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  try {
    await client.config.region();
  } catch {
    throw new AwsSetupError('No AWS region: set AWS_REGION (or a region in your AWS profile), or pass --region. Nothing was evaluated.');
  }
  try {
    await client.config.credentials();
  } catch (error) {
    throw new AwsSetupError(
      [
        `No AWS credentials (${(error as Error).message}).`,
        'verify:aws calls AppSync EvaluateCode on your account and needs the IAM permission appsync:EvaluateCode:',
        'sign in (aws sso login, AWS_PROFILE, or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). Nothing was evaluated.',
      ].join('\n'),
    );
  }
  return async (code, fn, context) => {
    let output;
    try {
      output = await client.send(
        new EvaluateCodeCommand({ runtime: { ...APPSYNC_JS_RUNTIME }, code, context: JSON.stringify(context), function: fn }),
      );
    } catch (error) {
      const { name, message } = error as Error;
      const hint =
        name === 'AccessDeniedException' || name === 'UnauthorizedException' ? ' (the credentials need appsync:EvaluateCode)' : '';
      throw new AwsSetupError(`EvaluateCode failed: ${name}: ${message}${hint}`, { cause: error });
    }
    if (output.error) return { error: withoutPosition(output.error.message ?? '') };
    return { value: output.evaluationResult === undefined ? null : (JSON.parse(output.evaluationResult) as unknown) };
  };
}
