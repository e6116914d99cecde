/**
 * Sign-in for Roam's users: a Cognito user pool (AppSync's default auth mode), the `partners`
 * group that hotel partners belong to, and the app client the mobile apps sign in with.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { NagSuppressions } from '../nag.js';
import { Construct } from 'constructs';

/** Cognito groups that `@aws_cognito_user_pools(cognito_groups: [...])` in schema.graphql names. */
export const COGNITO_GROUPS = ['partners'] as const;

export interface AuthProps {
  /** e.g. `roam-dev`. */
  readonly namePrefix: string;
  /** Prod keeps the pool when the stack is removed. @default false */
  readonly retain?: boolean;
}

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly mobileClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `${props.namePrefix}-users`,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { minLength: 10, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: props.retain ?? false,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const group of COGNITO_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }
    // A public client: the apps cannot keep a secret. SRP keeps the password off the wire.
    this.mobileClient = this.userPool.addClient('Mobile', {
      userPoolClientName: 'mobile',
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    NagSuppressions.addResourceSuppressions(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason: 'Travellers book with email + password; TOTP MFA is offered (optional) rather than forced on every guest.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'The Plus feature plan (threat protection) is priced per active user; Essentials is chosen for cost until fraud appears.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Advanced security (threat protection) needs the Plus feature plan; the Essentials plan is chosen for cost, revisit when fraud appears.',
      },
    ]);
  }
}
