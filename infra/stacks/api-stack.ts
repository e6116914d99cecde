/** The API of a stage: the Lambdas (with releases), AppSync from the manifest, scheduled jobs, alarms and the dashboard. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { ResolverManifest } from '../../platform/manifest/index.js';
import type { DeployAssets } from '../build/index.js';
import { publishMutations } from '../config/publish-mutations.js';
import type { StageConfig } from '../config/stage.js';
import { ApiAlarms } from '../constructs/api-alarms.js';
import { Dashboard } from '../constructs/dashboard.js';
import type { Database } from '../constructs/database.js';
import { GraphqlApi } from '../constructs/graphql-api.js';
import { ReleasedFunction } from '../constructs/released-function.js';
import { ScheduledJobs } from '../constructs/scheduled-jobs.js';

export interface ApiStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly namePrefix: string;
  readonly schemaFile: string;
  readonly manifest: ResolverManifest;
  readonly assets: DeployAssets;
  readonly database: Database;
  readonly userPool: cognito.IUserPool;
  readonly queryDepthLimit: number;
  readonly resolverCountLimit?: number;
  readonly metricsNamespace: string;
  readonly environment?: Readonly<Record<string, string>>;
  readonly introspection?: boolean;
}

export class ApiStack extends Stack {
  readonly functions: ReadonlyMap<string, ReleasedFunction>;
  readonly graphql: GraphqlApi;
  readonly alarms: ApiAlarms;
  readonly jobs: ScheduledJobs;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const functions = new Map<string, ReleasedFunction>();
    for (const [name, config] of Object.entries(props.manifest.lambdaFunctions)) {
      const asset = props.assets.lambdas.get(name);
      if (!asset) throw new Error(`Lambda ${name} was not bundled`);
      const fn = new ReleasedFunction(this, `Lambda_${name}`, {
        functionName: `${props.namePrefix}-${name}`,
        codeDirectory: asset.directory,
        handlerExport: config.export,
        timeoutSeconds: config.timeoutSeconds,
        memoryMb: config.memoryMb,
        metricsNamespace: props.metricsNamespace,
        canary: props.stage.canary,
        environment: {
          ...config.environment,
          RDS_RESOURCE_ARN: props.database.cluster.clusterArn,
          RDS_SECRET_ARN: props.database.secret.secretArn,
          RDS_DATABASE: props.database.databaseName,
        },
      });
      props.database.grantDataApiAccess(fn.function);
      functions.set(name, fn);
    }
    this.functions = functions;

    this.graphql = new GraphqlApi(this, 'GraphQL', {
      namePrefix: props.namePrefix,
      schemaFile: props.schemaFile,
      manifest: props.manifest,
      resolverCode: props.assets.resolverCode,
      lambdaTargets: new Map([...functions].map(([name, fn]) => [name, fn.alias])),
      database: props.database,
      userPool: props.userPool,
      queryDepthLimit: props.queryDepthLimit,
      resolverCountLimit: props.resolverCountLimit,
      environment: props.environment,
      introspection: props.introspection,
      fieldLogLevel: props.stage.isProd ? appsync.FieldLogLevel.ERROR : appsync.FieldLogLevel.ALL,
      verboseLogs: !props.stage.isProd,
    });
    // Lambdas publish to subscriptions by calling the publish mutations after commit (IAM-signed).
    const publish = publishMutations(props.assets.schema, props.manifest);
    for (const fn of functions.values()) {
      fn.function.addEnvironment('APPSYNC_GRAPHQL_URL', this.graphql.api.graphqlUrl);
      if (publish.length > 0) this.graphql.api.grantMutation(fn.function, ...publish);
    }
    // Functions that call other mutations themselves (the scheduled jobs) get exactly those.
    for (const [name, config] of Object.entries(props.manifest.lambdaFunctions)) {
      const fn = functions.get(name);
      if (fn && config.mutations?.length) this.graphql.api.grantMutation(fn.function, ...config.mutations);
    }
    this.jobs = new ScheduledJobs(this, 'Jobs', { namePrefix: props.namePrefix, schedules: props.manifest.schedules ?? {}, functions });

    this.alarms = new ApiAlarms(this, 'Alarms', { api: this.graphql.api, namePrefix: props.namePrefix });
    new Dashboard(this, 'Dashboard', {
      namePrefix: props.namePrefix,
      apiAlarms: this.alarms,
      functions: [...functions.values()],
      alarms: [...this.jobs.alarms.values()],
    });

    new CfnOutput(this, 'GraphQLUrl', { value: this.graphql.api.graphqlUrl });
    new CfnOutput(this, 'ApiKey', { value: this.graphql.apiKey, description: 'Public key for signed-out browsing' });
    new CfnOutput(this, 'ApiLogGroup', { value: this.graphql.logGroup.logGroupName });
    new CfnOutput(this, 'LambdaLogGroups', { value: [...functions.values()].map((fn) => fn.logGroup.logGroupName).join(',') || '-' });
    new CfnOutput(this, 'LambdaFunctions', { value: [...functions.values()].map((fn) => fn.function.functionName).join(',') || '-' });
    // `function|codedeploy application|deployment group` per Lambda: what `npm run rollback` needs.
    new CfnOutput(this, 'LambdaReleases', {
      value:
        [...functions.values()]
          .map(
            (fn) =>
              `${fn.function.functionName}|${fn.deploymentGroup.application.applicationName}|${fn.deploymentGroup.deploymentGroupName}`,
          )
          .join(',') || '-',
    });
  }
}
