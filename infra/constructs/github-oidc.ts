/**
 * What GitHub Actions needs to deploy without stored keys: the account's OIDC trust of GitHub's
 * token issuer, and two roles that only this repository's workflow runs can assume. The roles
 * may only assume the CDK bootstrap roles (`cdk-*`), which do the actual deploying.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { NagSuppressions } from '../nag.js';

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

export interface GithubOidcProps {
  /** `owner/name` of the repository allowed to deploy. */
  readonly repository: string;
  /**
   * Reuse the account's existing GitHub provider (an account has at most one per issuer).
   * @default a new provider is created
   */
  readonly existingProviderArn?: string;
}

export class GithubOidc extends Construct {
  /** For pull-request previews and `dev` (any workflow run of the repository). */
  readonly deployRole: iam.Role;
  /** For `prod`: only jobs running in the repository's `prod` environment. */
  readonly prodDeployRole: iam.Role;

  constructor(scope: Construct, id: string, props: GithubOidcProps) {
    super(scope, id);
    const providerArn =
      props.existingProviderArn ??
      new iam.OidcProviderNative(this, 'Provider', { url: `https://${GITHUB_ISSUER}`, clientIds: ['sts.amazonaws.com'] }).oidcProviderArn;
    const role = (roleId: string, subject: string, description: string) => {
      const created = new iam.Role(this, roleId, {
        roleName: `roam-github-${roleId === 'Deploy' ? 'deploy' : 'deploy-prod'}`,
        description,
        assumedBy: new iam.WebIdentityPrincipal(providerArn, {
          StringEquals: { [`${GITHUB_ISSUER}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${GITHUB_ISSUER}:sub`]: subject },
        }),
      });
      const stack = Stack.of(this);
      created.addToPolicy(
        new iam.PolicyStatement({
          actions: ['sts:AssumeRole'],
          resources: [`arn:${stack.partition}:iam::${stack.account}:role/cdk-*`],
        }),
      );
      NagSuppressions.addResourceSuppressions(
        created,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'The CDK bootstrap roles are named cdk-<qualifier>-<purpose>-<account>-<region>; the deploy role may assume only those, which hold the deploy permissions.',
            appliesTo: ['Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/cdk-*'],
          },
        ],
        true,
      );
      return created;
    };
    this.deployRole = role('Deploy', `repo:${props.repository}:*`, `GitHub Actions of ${props.repository}: previews and dev`);
    this.prodDeployRole = role(
      'DeployProd',
      `repo:${props.repository}:environment:prod`,
      `GitHub Actions of ${props.repository}, prod environment only`,
    );
  }
}
