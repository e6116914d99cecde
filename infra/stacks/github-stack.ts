/** Once per AWS account: lets the repository's GitHub Actions deploy by OIDC (no stored keys). */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { GithubOidc } from '../constructs/github-oidc.js';

export interface GithubStackProps extends StackProps {
  /** `owner/name`. */
  readonly repository: string;
  readonly existingProviderArn?: string;
}

export class GithubStack extends Stack {
  readonly oidc: GithubOidc;

  constructor(scope: Construct, id: string, props: GithubStackProps) {
    super(scope, id, props);
    this.oidc = new GithubOidc(this, 'GitHub', { repository: props.repository, existingProviderArn: props.existingProviderArn });
    new CfnOutput(this, 'DeployRoleArn', { value: this.oidc.deployRole.roleArn, description: 'GitHub variable AWS_DEPLOY_ROLE_ARN' });
    new CfnOutput(this, 'ProdDeployRoleArn', {
      value: this.oidc.prodDeployRole.roleArn,
      description: 'GitHub variable AWS_PROD_DEPLOY_ROLE_ARN',
    });
  }
}
