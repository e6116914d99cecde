/** Users of a stage. Its own stack, so the user pool outlives any change to the API. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage.js';
import { Auth } from '../constructs/auth.js';

export interface AuthStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly namePrefix: string;
}

export class AuthStack extends Stack {
  readonly auth: Auth;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    this.auth = new Auth(this, 'Auth', { namePrefix: props.namePrefix, retain: props.stage.isProd });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'MobileClientId', { value: this.auth.mobileClient.userPoolClientId });
  }
}
