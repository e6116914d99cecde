/**
 * A Lambda as Roam releases it: Node.js 22 on ARM64, code bundled at synth time, Powertools
 * configured, X-Ray on, and traffic reaching it only through the `live` alias, which CodeDeploy
 * moves to a new version by canary and moves back when the alias's error or throttle alarm fires.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from '../nag.js';
import { Construct } from 'constructs';
import { AlarmThresholds, LambdaDefaults } from '../constants.js';
import { LAMBDA_BUNDLE_FILE } from '../../platform/lambda/bundle.js';

export interface ReleasedFunctionProps {
  /** Full function name, e.g. `roam-dev-bookings`. */
  readonly functionName: string;
  /** Folder holding the bundled `index.mjs`. */
  readonly codeDirectory: string;
  /** @default 'handler' */
  readonly handlerExport?: string;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** @default 256 */
  readonly memoryMb?: number;
  readonly environment?: Readonly<Record<string, string>>;
  /** CloudWatch namespace for Powertools metrics. */
  readonly metricsNamespace: string;
  /** Canary step: this share of traffic for this long, then all of it. */
  readonly canary: { readonly percentage: number; readonly intervalMinutes: number };
  /** @default LambdaDefaults.LOG_RETENTION_DAYS */
  readonly logRetention?: logs.RetentionDays;
}

/** The canary configurations CodeDeploy predefines; we use only these (no custom config resources). */
function canaryConfig(canary: ReleasedFunctionProps['canary']): codedeploy.ILambdaDeploymentConfig {
  const key = `${canary.percentage}%/${canary.intervalMinutes}m`;
  const predefined: Record<string, codedeploy.ILambdaDeploymentConfig> = {
    '10%/5m': codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
    '10%/10m': codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_10MINUTES,
    '10%/15m': codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_15MINUTES,
    '10%/30m': codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_30MINUTES,
  };
  const config = predefined[key];
  if (!config) throw new Error(`No predefined CodeDeploy canary for ${key}; use one of ${Object.keys(predefined).join(', ')}`);
  return config;
}

/** The function, its `live` alias, the alias's alarms and its CodeDeploy deployment group. */
export class ReleasedFunction extends Construct {
  readonly function: lambda.Function;
  readonly alias: lambda.Alias;
  readonly errorsAlarm: cloudwatch.Alarm;
  readonly throttlesAlarm: cloudwatch.Alarm;
  readonly deploymentGroup: codedeploy.LambdaDeploymentGroup;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ReleasedFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention ?? LambdaDefaults.LOG_RETENTION_DAYS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.function = new lambda.Function(this, 'Function', {
      functionName: props.functionName,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(props.codeDirectory),
      handler: `${LAMBDA_BUNDLE_FILE.replace(/\.mjs$/, '')}.${props.handlerExport ?? 'handler'}`,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      memorySize: props.memoryMb ?? 256,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.functionName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
      },
    });
    this.alias = new lambda.Alias(this, 'Live', { aliasName: LambdaDefaults.ALIAS_NAME, version: this.function.currentVersion });

    this.errorsAlarm = new cloudwatch.Alarm(this, 'Errors', {
      alarmDescription: `${props.functionName} (live alias) raised errors: a canary seeing this rolls back`,
      metric: this.alias.metricErrors({ period: Duration.minutes(1), statistic: 'Sum' }),
      threshold: AlarmThresholds.LAMBDA_ERRORS_PER_MINUTE,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.throttlesAlarm = new cloudwatch.Alarm(this, 'Throttles', {
      alarmDescription: `${props.functionName} (live alias) was throttled`,
      metric: this.alias.metricThrottles({ period: Duration.minutes(1), statistic: 'Sum' }),
      threshold: AlarmThresholds.LAMBDA_THROTTLES_PER_MINUTE,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.deploymentGroup = new codedeploy.LambdaDeploymentGroup(this, 'Release', {
      alias: this.alias,
      deploymentConfig: canaryConfig(props.canary),
      alarms: [this.errorsAlarm, this.throttlesAlarm],
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });

    NagSuppressions.addResourceSuppressions(
      this.function,
      [
        {
          id: 'AwsSolutions-L1',
          reason:
            'Node.js 22 is the runtime Roam decided on (DESIGN decision 8) and the one the offline Lambda runtime emulates; moving to a newer one is a deliberate upgrade of both.',
        },
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions, so tracing needs Resource "*" (https://docs.aws.amazon.com/xray/latest/devguide/security_iam_id-based-policy-examples.html).',
          appliesTo: ['Resource::*'],
        },
        {
          id: 'AwsSolutions-IAM4',
          reason: 'AWSLambdaBasicExecutionRole only lets the function write its own logs.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        },
      ],
      true,
    );
    NagSuppressions.addResourceSuppressions(
      this.deploymentGroup,
      [
        {
          id: 'AwsSolutions-IAM4',
          reason:
            'AWSCodeDeployRoleForLambdaLimited is the role policy AWS defines for CodeDeploy shifting Lambda aliases; it is scoped by CodeDeploy itself.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited'],
        },
      ],
      true,
    );
  }
}
