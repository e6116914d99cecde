import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_VERSION_PARAMETER, preflight, type PreflightOptions } from '../../scripts/lib/preflight.js';

/** One AWS answer: status, headers and body, as STS (query/XML) or SSM (JSON) sends it. */
interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

/** AWS itself, faked at the HTTP boundary: the real SDK clients sign and parse as they would against AWS. */
function fakeAws(answers: { sts: Answer; ssm?: Answer }) {
  const seen: string[] = [];
  const requestHandler = {
    async handle(request: { hostname: string; headers: Record<string, string> }) {
      const service = request.hostname.startsWith('sts.') ? 'sts' : 'ssm';
      seen.push(service === 'ssm' ? `ssm ${request.headers['x-amz-target']}` : 'sts');
      const answer = answers[service];
      if (!answer) throw new Error(`unexpected call to ${service}`);
      return {
        response: {
          statusCode: answer.status,
          reason: '',
          headers: { 'x-amzn-requestid': 'req-1', ...answer.headers },
          body: Readable.from([Buffer.from(answer.body)]),
        },
      };
    },
  };
  return { requestHandler, seen };
}

const credentials = { accessKeyId: 'AKIAEXAMPLEEXAMPLE01', secretAccessKey: 'secret' };
const who: Answer = {
  status: 200,
  headers: { 'content-type': 'text/xml' },
  body: '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/dev</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
};
const expired: Answer = {
  status: 403,
  headers: { 'content-type': 'text/xml' },
  body: '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error><RequestId>req-1</RequestId></ErrorResponse>',
};
const bootstrapped: Answer = {
  status: 200,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  body: JSON.stringify({ Parameter: { Name: BOOTSTRAP_VERSION_PARAMETER, Type: 'String', Value: '21', Version: 1 } }),
};
const notBootstrapped: Answer = {
  status: 400,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ParameterNotFound' },
  body: JSON.stringify({ __type: 'ParameterNotFound', message: '' }),
};

function options(aws: ReturnType<typeof fakeAws>, more: Partial<PreflightOptions> = {}): PreflightOptions {
  return {
    needsBootstrap: true,
    needsAwsCli: false,
    clientConfig: { region: 'eu-west-1', credentials, requestHandler: aws.requestHandler as never },
    ...more,
  };
}

describe('Deploy preflight (scripts/lib/preflight.ts)', () => {
  it('passes with accepted credentials and a bootstrapped account, naming both', async () => {
    const aws = fakeAws({ sts: who, ssm: bootstrapped });
    expect(await preflight(options(aws))).toEqual({ account: '123456789012', region: 'eu-west-1', problems: [] });
    expect(aws.seen).toEqual(['sts', 'ssm AmazonSSM.GetParameter']);
  });

  it('says the account is not bootstrapped, with the command to run', async () => {
    const result = await preflight(options(fakeAws({ sts: who, ssm: notBootstrapped })));
    expect(result.problems).toEqual([expect.stringContaining('is not bootstrapped for the CDK')]);
    expect(result.problems[0]).toContain('npx cdk bootstrap aws://123456789012/eu-west-1');
  });

  it('does not ask about the bootstrap for commands that do not deploy', async () => {
    const aws = fakeAws({ sts: who });
    expect((await preflight(options(aws, { needsBootstrap: false }))).problems).toEqual([]);
    expect(aws.seen).toEqual(['sts']);
  });

  it('says expired credentials have expired, and how to sign in again', async () => {
    const result = await preflight(options(fakeAws({ sts: expired })));
    expect(result.problems).toEqual([expect.stringMatching(/credentials have expired \(ExpiredToken\).*aws sso login/)]);
  });

  it('says the AWS CLI is missing when the command needs it', async () => {
    const result = await preflight(options(fakeAws({ sts: who }), { needsBootstrap: false, needsAwsCli: true, hasAwsCli: () => false }));
    expect(result.problems).toEqual([expect.stringContaining('The AWS CLI v2 is not installed')]);
  });

  describe('with no credentials anywhere', () => {
    const saved = { ...process.env };
    let home: string;
    beforeAll(async () => {
      home = await mkdtemp(join(tmpdir(), 'roam-no-aws-'));
      for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
      Object.assign(process.env, {
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
      });
    });
    afterAll(async () => {
      process.env = saved;
      await rm(home, { recursive: true, force: true });
    });

    it('says no credentials were found and how to provide them, before any call', async () => {
      const aws = fakeAws({ sts: who });
      const result = await preflight({
        needsBootstrap: true,
        needsAwsCli: false,
        clientConfig: { region: 'eu-west-1', requestHandler: aws.requestHandler as never },
      });
      expect(result.problems).toEqual([expect.stringMatching(/^No AWS credentials found\. Sign in first: `aws configure`/)]);
      expect(aws.seen).toEqual([]);
    });

    it('says no region is set', async () => {
      const result = await preflight({ needsBootstrap: true, needsAwsCli: false, clientConfig: { credentials } });
      expect(result.problems).toEqual([expect.stringMatching(/^No AWS region is set/)]);
    });
  });
});
