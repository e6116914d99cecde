/** The account-wide GitHub OIDC stack: only this repository may assume the roles, prod only from its environment. */
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GithubStack } from '../../infra/stacks/github-stack.js';
import { addGithubStack } from '../../infra/stage.js';

let stack: GithubStack;
let template: Template;
beforeAll(() => {
  stack = addGithubStack(new App(), 'roam-travel/roam-api');
  template = Template.fromStack(stack);
});

const trust = (subject: string) => ({
  AssumeRolePolicyDocument: {
    Statement: [
      Match.objectLike({
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': subject },
        },
      }),
    ],
  },
});

describe('GitHub OIDC stack', () => {
  it("trusts GitHub's issuer and lets only this repository assume the deploy role, and only its prod environment the prod role", () => {
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'roam-github-deploy', ...trust('repo:roam-travel/roam-api:*') });
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'roam-github-deploy-prod',
      ...trust('repo:roam-travel/roam-api:environment:prod'),
    });
  });

  it('lets the roles do nothing but assume the CDK bootstrap roles', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string; Resource: unknown }[] } };
    }[];
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Action: 'sts:AssumeRole',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/cdk-*']] },
        }),
      ]);
    }
  });

  it('passes cdk-nag AwsSolutions', () => {
    const findings = [
      ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ];
    expect(findings.map((f) => `${f.id}: ${String(f.entry.data).slice(0, 120)}`)).toEqual([]);
  });
});
