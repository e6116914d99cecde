/**
 * The deploy's requirements, asserted on the synthesized templates of the `dev` stage of the
 * generic fixture API (one synthesis shared by every test of this file).
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode } from '../../local/appsync-js/index.js';
import { manifestCodeFiles } from '../../infra/build/index.js';
import { COGNITO_GROUPS } from '../../infra/constructs/auth.js';
import { DEFAULT_PIPELINE_CODE } from '../../infra/constructs/graphql-api.js';
import { synthesizeStage, type SynthesizedStage } from './support/synth.js';

type Resources = Record<string, { Properties: Record<string, unknown> }>;

let dev: SynthesizedStage;
beforeAll(async () => {
  dev = await synthesizeStage('dev');
});

describe('database', () => {
  it('scales to zero outside prod and serves the Data API, encrypted, with Secrets Manager credentials', () => {
    dev.templates.data.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      EngineVersion: Match.stringLikeRegexp('^16\\.'),
      EnableHttpEndpoint: true,
      StorageEncrypted: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: Match.anyValue(), SecondsUntilAutoPause: Match.anyValue() },
      MasterUserPassword: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('resolve:secretsmanager')])] },
      DeletionProtection: false,
    });
    dev.templates.data.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless', PubliclyAccessible: false });
    dev.templates.data.resourceCountIs('AWS::SecretsManager::Secret', 1);
  });

  it('runs the migrations at deploy through a custom resource that re-runs when the SQL changes', () => {
    dev.templates.data.hasResourceProperties('Custom::RoamMigrations', {
      Fingerprint: dev.assets.migration.fingerprint,
      MigrationCount: dev.assets.migration.migrationCount,
    });
    expect(dev.assets.migration.migrationCount).toBeGreaterThan(0);
  });
});

describe('auth', () => {
  it('uses Cognito as the default mode, an API key and IAM as additional modes', () => {
    dev.templates.api.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      AdditionalAuthenticationProviders: Match.arrayWith([{ AuthenticationType: 'API_KEY' }, { AuthenticationType: 'AWS_IAM' }]),
    });
    dev.templates.api.resourceCountIs('AWS::AppSync::ApiKey', 1);
  });

  it('has the partners group and a public app client for the mobile app', () => {
    expect(COGNITO_GROUPS).toContain('partners');
    dev.templates.auth.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'partners' });
    dev.templates.auth.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'mobile',
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
  });
});

describe('API', () => {
  it('has logging, X-Ray and a query depth limit', () => {
    dev.templates.api.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      XrayEnabled: true,
      QueryDepthLimit: Match.anyValue(),
      LogConfig: { CloudWatchLogsRoleArn: Match.anyValue(), FieldLogLevel: 'ALL', ExcludeVerboseContent: false },
    });
    const api = Object.values(dev.templates.api.findResources('AWS::AppSync::GraphQLApi') as Resources)[0];
    expect(api?.Properties.QueryDepthLimit).toBeGreaterThan(0);
  });

  it('has one data source per manifest data source, Lambda ones invoking the live alias', () => {
    const { manifest } = dev.project;
    dev.templates.api.resourceCountIs('AWS::AppSync::DataSource', Object.keys(manifest.dataSources).length);
    for (const [name, source] of Object.entries(manifest.dataSources)) {
      const type = { NONE: 'NONE', RDS: 'RELATIONAL_DATABASE', LAMBDA: 'AWS_LAMBDA' }[source.kind];
      dev.templates.api.hasResourceProperties('AWS::AppSync::DataSource', { Name: name, Type: type });
    }
    const lambdaSources = Object.values(
      dev.templates.api.findResources('AWS::AppSync::DataSource', { Properties: { Type: 'AWS_LAMBDA' } }) as Resources,
    );
    const aliases = dev.templates.api.findResources('AWS::Lambda::Alias');
    for (const source of lambdaSources) {
      const target = (source.Properties.LambdaConfig as { LambdaFunctionArn: { Ref: string } }).LambdaFunctionArn.Ref;
      expect(Object.keys(aliases)).toContain(target);
    }
  });

  it('deploys every manifest entry as an AppSync resolver with the APPSYNC_JS runtime and the code the offline server runs', async () => {
    const { manifest } = dev.project;
    const resolvers = Object.values(dev.templates.api.findResources('AWS::AppSync::Resolver') as Resources);
    const functions = Object.values(dev.templates.api.findResources('AWS::AppSync::FunctionConfiguration') as Resources);
    expect(resolvers).toHaveLength(Object.keys(manifest.resolvers).length);
    expect(functions).toHaveLength(Object.keys(manifest.functions).length);

    const offlineCode = new Map<string, string>();
    for (const file of manifestCodeFiles(manifest)) offlineCode.set(file, (await loadResolverCode(file)).code);

    for (const [coordinate, config] of Object.entries(manifest.resolvers)) {
      const [typeName, fieldName] = coordinate.split('.');
      const deployed = resolvers.find((r) => r.Properties.TypeName === typeName && r.Properties.FieldName === fieldName);
      expect(deployed, coordinate).toBeDefined();
      const props = deployed?.Properties ?? {};
      if (config.kind === 'DIRECT_LAMBDA') {
        expect(props.Code, coordinate).toBeUndefined();
        expect(props.Runtime, coordinate).toBeUndefined();
        expect(props.DataSourceName).toBe(config.dataSource);
        continue;
      }
      expect(props.Runtime, coordinate).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
      expect(props.Kind).toBe(config.kind === 'JS_PIPELINE' ? 'PIPELINE' : 'UNIT');
      const expected = config.code ? offlineCode.get(config.code) : DEFAULT_PIPELINE_CODE;
      expect(props.Code, coordinate).toBe(expected);
      if (config.kind === 'JS_UNIT') {
        expect(props.DataSourceName).toBe(config.dataSource);
        expect(props.MaxBatchSize).toBe(config.maxBatchSize);
      }
    }
    for (const [name, config] of Object.entries(manifest.functions)) {
      const deployed = functions.find((f) => f.Properties.Name === name);
      expect(deployed?.Properties).toMatchObject({
        DataSourceName: config.dataSource,
        Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
        Code: offlineCode.get(config.code),
      });
    }
  });
});

describe('Lambdas', () => {
  it('run Node.js 22 on ARM64 with X-Ray, Powertools settings and the Data API environment', () => {
    const { manifest } = dev.project;
    for (const name of Object.keys(manifest.lambdaFunctions)) {
      dev.templates.api.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `roam-dev-${name}`,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: Match.objectLike({
            RDS_RESOURCE_ARN: Match.anyValue(),
            RDS_SECRET_ARN: Match.anyValue(),
            RDS_DATABASE: dev.project.databaseName,
            POWERTOOLS_SERVICE_NAME: `roam-dev-${name}`,
            POWERTOOLS_METRICS_NAMESPACE: 'roam/dev',
          }),
        },
      });
    }
    dev.templates.data.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'roam-dev-migrate',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
    });
  });

  it('are released through a live alias by a CodeDeploy canary that rolls back on the alias alarms', () => {
    const count = Object.keys(dev.project.manifest.lambdaFunctions).length;
    dev.templates.api.resourceCountIs('AWS::Lambda::Alias', count);
    dev.templates.api.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', count);
    const groups = Object.values(dev.templates.api.findResources('AWS::CodeDeploy::DeploymentGroup') as Resources);
    const alarms = dev.templates.api.findResources('AWS::CloudWatch::Alarm') as Resources;
    for (const group of groups) {
      expect(group.Properties.DeploymentConfigName).toMatch(/^CodeDeployDefault\.LambdaCanary10Percent\d+Minutes$/);
      expect(group.Properties.AutoRollbackConfiguration).toEqual({
        Enabled: true,
        Events: expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']),
      });
      const watched = (group.Properties.AlarmConfiguration as { Alarms: { Name: { Ref: string } }[] }).Alarms.map(
        (a) => alarms[a.Name.Ref]?.Properties.MetricName,
      );
      expect(watched.sort()).toEqual(['Errors', 'Throttles']);
    }
  });

  it('may use the Data API on the one cluster and read the one secret, nothing wider', () => {
    const policies = [dev.templates.api, dev.templates.data].flatMap((t) =>
      Object.values(t.findResources('AWS::IAM::Policy') as Resources),
    );
    const statements = policies.flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
    );
    const sensitive = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('rds-data:') || a.startsWith('secretsmanager:')));
    expect(sensitive.length).toBeGreaterThan(0);
    for (const statement of sensitive) {
      const resources = [statement.Resource].flat();
      expect(resources).not.toContain('*');
      expect(JSON.stringify(resources)).toMatch(/DatabaseCluster/);
    }
  });
});

describe('monitoring', () => {
  it('alarms on AppSync 5XX, error rate and latency, and has a dashboard', () => {
    dev.templates.api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: '5XXError', Namespace: 'AWS/AppSync' });
    dev.templates.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Latency',
      Namespace: 'AWS/AppSync',
      ExtendedStatistic: 'p99',
    });
    dev.templates.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'roam-dev-api-error-rate',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: Match.stringLikeRegexp('clientErrors \\+ serverErrors') })]),
    });
    dev.templates.api.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'roam-dev' });
  });
});

describe('cdk-nag', () => {
  it('reports no unsuppressed AwsSolutions errors or warnings on any stack', () => {
    for (const stack of [dev.stacks.data, dev.stacks.auth, dev.stacks.api]) {
      const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'));
      expect([...errors, ...warnings].map((e) => `${e.id}: ${String(e.entry.data).slice(0, 120)}`)).toEqual([]);
    }
  });
});
