/**
 * Runs the database migrations at deploy time: a custom resource whose Lambda applies pending
 * migrations through the Data API (the same runner as `npm run migrate`), retrying while the
 * cluster resumes from auto-pause. It re-runs whenever the migration files change, and a
 * failed migration fails the stack update, which CloudFormation then rolls back.
 */
import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { NagSuppressions } from '../nag.js';
import { Construct } from 'constructs';
import { LambdaDefaults } from '../constants.js';
import type { MigrationAsset } from '../build/index.js';
import type { Database } from './database.js';

export interface MigrationsProps {
  readonly database: Database;
  /** The bundled migration Lambda (db/deploy/migrate-lambda.ts plus the SQL files). */
  readonly asset: MigrationAsset;
  /** Prefix of the function name, e.g. `roam-dev`. */
  readonly namePrefix: string;
  readonly metricsNamespace: string;
}

/** The migration Lambda and the custom resource that invokes it. */
export class Migrations extends Construct {
  readonly function: lambda.Function;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: MigrationsProps) {
    super(scope, id);
    const functionName = `${props.namePrefix}-migrate`;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: LambdaDefaults.LOG_RETENTION_DAYS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.function = new lambda.Function(this, 'Function', {
      functionName,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(props.asset.directory),
      handler: 'index.handler',
      // The Provider framework waits for onEvent synchronously; its own limit is 15 minutes.
      timeout: Duration.minutes(LambdaDefaults.MIGRATION_TIMEOUT_MINUTES),
      memorySize: LambdaDefaults.MIGRATION_MEMORY_MB,
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        RDS_RESOURCE_ARN: props.database.cluster.clusterArn,
        RDS_SECRET_ARN: props.database.secret.secretArn,
        RDS_DATABASE: props.database.databaseName,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: functionName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
      },
    });
    props.database.grantDataApiAccess(this.function);

    const provider = new cr.Provider(this, 'Provider', { onEventHandler: this.function, logGroup });
    this.resource = new CustomResource(this, 'Run', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::RoamMigrations',
      // A changed fingerprint is what makes CloudFormation send an Update, i.e. migrate again.
      properties: { Fingerprint: props.asset.fingerprint, MigrationCount: props.asset.migrationCount },
    });
    // The Data API answers only once the writer instance exists.
    this.resource.node.addDependency(props.database.cluster);

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
          reason: 'X-Ray trace uploads support no resource-level permissions (Resource "*").',
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
      provider,
      [
        {
          id: 'AwsSolutions-IAM4',
          reason: 'The CDK Provider framework function writes only its own logs with AWSLambdaBasicExecutionRole.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'The CDK Provider framework grants lambda:InvokeFunction on the migration function ARN and its versions (`:*`); nothing else.',
          appliesTo: [{ regex: '/^Resource::<.*Function.*\\.Arn>:\\*$/g' }],
        },
        { id: 'AwsSolutions-L1', reason: 'The Provider framework function runtime is chosen by aws-cdk-lib and upgraded with it.' },
      ],
      true,
    );
  }
}
