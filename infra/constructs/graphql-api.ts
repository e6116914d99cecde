/**
 * The AppSync API built from the schema and the resolver manifest (DESIGN decision 1): one data
 * source per manifest data source, one AppSync function per pipeline function, one resolver per
 * manifest entry, all APPSYNC_JS 1.0.0 code bundled exactly as offline. Auth: Cognito by
 * default, an API key for signed-out browsing, IAM for the back office.
 */
import { Duration, Expiration, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from '../nag.js';
import { Construct } from 'constructs';
import type { CachingConfig, ResolverConfig, ResolverManifest } from '../../platform/manifest/index.js';
import { ApiDefaults } from '../constants.js';
import type { Database } from './database.js';

/** AppSync's implicit pipeline code when the manifest gives none (same as offline: `{}` in, `ctx.prev.result` out). */
export const DEFAULT_PIPELINE_CODE =
  'export function request() { return {}; }\nexport function response(ctx) { return ctx.prev.result; }\n';

export interface GraphqlApiProps {
  /** e.g. `roam-dev`; the API is named `<prefix>-api`. */
  readonly namePrefix: string;
  /** Absolute path of the schema file (schema.graphql). */
  readonly schemaFile: string;
  readonly manifest: ResolverManifest;
  /** Bundled APPSYNC_JS code keyed by the manifest's path (infra/build). */
  readonly resolverCode: ReadonlyMap<string, string>;
  /** What each LAMBDA data source invokes: the function's `live` alias, keyed by manifest function name. */
  readonly lambdaTargets: ReadonlyMap<string, lambda.IFunction>;
  readonly database: Database;
  readonly userPool: cognito.IUserPool;
  /** AppSync query depth limit (1-75). */
  readonly queryDepthLimit: number;
  /** Resolvers per request (1-10,000). @default AppSync's 10,000 */
  readonly resolverCountLimit?: number;
  /** `ctx.env` of every resolver. @default none */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default true */
  readonly introspection?: boolean;
  /** Resolver field logs: ALL outside prod for debugging, ERROR in prod. @default ERROR */
  readonly fieldLogLevel?: appsync.FieldLogLevel;
  /**
   * Log request and response headers and bodies. Off in prod, where they hold travellers'
   * personal data; on elsewhere for debugging. @default false
   */
  readonly verboseLogs?: boolean;
}

function caching(config: CachingConfig | undefined): appsync.CachingConfig | undefined {
  return config ? { ttl: Duration.seconds(config.ttlSeconds), cachingKeys: config.keys ? [...config.keys] : undefined } : undefined;
}

/** A construct id from a manifest name (`Query.hotel` -> `Query_hotel`). */
const idOf = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

export class GraphqlApi extends Construct {
  readonly api: appsync.GraphqlApi;
  readonly apiKey: string;
  readonly logGroup: logs.ILogGroup;
  readonly dataSources: ReadonlyMap<string, appsync.BaseDataSource>;
  readonly resolvers: ReadonlyMap<string, appsync.Resolver>;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    const verboseLogs = props.verboseLogs ?? false;
    this.api = new appsync.GraphqlApi(this, 'Api', {
      name: `${props.namePrefix}-api`,
      definition: appsync.Definition.fromFile(props.schemaFile),
      authorizationConfig: {
        defaultAuthorization: { authorizationType: appsync.AuthorizationType.USER_POOL, userPoolConfig: { userPool: props.userPool } },
        additionalAuthorizationModes: [
          {
            authorizationType: appsync.AuthorizationType.API_KEY,
            apiKeyConfig: {
              name: 'browse',
              description: 'signed-out browsing',
              expires: Expiration.after(Duration.days(ApiDefaults.API_KEY_DAYS)),
            },
          },
          { authorizationType: appsync.AuthorizationType.IAM },
        ],
      },
      logConfig: {
        fieldLogLevel: props.fieldLogLevel ?? appsync.FieldLogLevel.ERROR,
        excludeVerboseContent: !verboseLogs,
        retention: logs.RetentionDays.ONE_MONTH,
      },
      xrayEnabled: true,
      queryDepthLimit: props.queryDepthLimit,
      ...(props.resolverCountLimit ? { resolverCountLimit: props.resolverCountLimit } : {}),
      introspectionConfig: props.introspection === false ? appsync.IntrospectionConfig.DISABLED : appsync.IntrospectionConfig.ENABLED,
      ...(props.environment && Object.keys(props.environment).length > 0 ? { environmentVariables: { ...props.environment } } : {}),
    });
    this.apiKey = this.api.apiKey ?? '';
    this.logGroup = this.api.logGroup;
    // aws-cdk-lib sets the API log group's retention through its LogRetention singleton Lambda.
    const logRetention = Stack.of(this).node.children.find((child) => child.node.id.startsWith('LogRetention'));
    if (logRetention) {
      NagSuppressions.addResourceSuppressions(
        logRetention,
        [
          {
            id: 'AwsSolutions-IAM4',
            reason:
              "aws-cdk-lib's LogRetention function (it sets the AppSync log group's retention) writes its own logs with AWSLambdaBasicExecutionRole.",
            appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
          },
          {
            id: 'AwsSolutions-IAM5',
            reason:
              "aws-cdk-lib's LogRetention function needs logs:PutRetentionPolicy/DeleteRetentionPolicy on log groups whose name is only known once AppSync assigns the API id.",
            appliesTo: ['Resource::*'],
          },
        ],
        true,
      );
    }

    this.dataSources = this.addDataSources(props);
    const functions = this.addFunctions(props);
    const cache = this.addCacheIfUsed(props.manifest);
    const resolvers = new Map<string, appsync.Resolver>();
    for (const [coordinate, config] of Object.entries(props.manifest.resolvers)) {
      const resolver = this.addResolver(coordinate, config, props, functions);
      if (cache) resolver.node.addDependency(cache);
      resolvers.set(coordinate, resolver);
    }
    this.resolvers = resolvers;

    if (!verboseLogs) {
      NagSuppressions.addResourceSuppressions(this.api, [
        {
          id: 'AwsSolutions-ASC3',
          reason:
            "Request logging is on (field level ERROR, X-Ray); only verbose content is off in prod because request and response bodies carry travellers' personal data.",
        },
      ]);
    }
    NagSuppressions.addResourceSuppressions(
      this,
      [
        {
          id: 'AwsSolutions-IAM4',
          reason: 'AWSAppSyncPushToCloudWatchLogs is the AWS policy for AppSync writing its own request logs.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs'],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason:
            "Data source roles are scoped to one resource: Lambda data sources may invoke the live alias (`:*` covers its qualified ARN form), the RDS data source its one cluster (`:*` is the cluster ARN's sub-resources as aws-cdk-lib grants them).",
          appliesTo: [
            { regex: '/^Resource::<.*(Live|Cluster).*>:\\*$/g' },
            { regex: '/^Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster:.+:\\*$/g' },
          ],
        },
      ],
      true,
    );
  }

  private addDataSources(props: GraphqlApiProps): Map<string, appsync.BaseDataSource> {
    const sources = new Map<string, appsync.BaseDataSource>();
    for (const [name, config] of Object.entries(props.manifest.dataSources)) {
      if (config.kind === 'NONE') sources.set(name, this.api.addNoneDataSource(idOf(name), { name }));
      if (config.kind === 'RDS') {
        const { cluster, secret, databaseName } = props.database;
        sources.set(name, this.api.addRdsDataSourceV2(idOf(name), cluster, secret, config.database ?? databaseName, { name }));
      }
      if (config.kind === 'LAMBDA') {
        const target = props.lambdaTargets.get(config.function);
        if (!target) throw new Error(`Data source ${name}: no deployed function '${config.function}'`);
        sources.set(name, this.api.addLambdaDataSource(idOf(name), target, { name }));
      }
    }
    return sources;
  }

  private dataSource(name: string): appsync.BaseDataSource {
    const source = this.dataSources.get(name);
    if (!source) throw new Error(`Unknown data source '${name}' (the manifest validator should have caught this)`);
    return source;
  }

  private code(props: GraphqlApiProps, file: string): appsync.Code {
    const code = props.resolverCode.get(file);
    if (code === undefined) throw new Error(`No bundled code for ${file}`);
    return appsync.Code.fromInline(code);
  }

  private addFunctions(props: GraphqlApiProps): Map<string, appsync.AppsyncFunction> {
    const functions = new Map<string, appsync.AppsyncFunction>();
    for (const [name, config] of Object.entries(props.manifest.functions)) {
      functions.set(
        name,
        new appsync.AppsyncFunction(this, `Function_${idOf(name)}`, {
          api: this.api,
          name: idOf(name),
          dataSource: this.dataSource(config.dataSource),
          runtime: appsync.FunctionRuntime.JS_1_0_0,
          code: this.code(props, config.code),
        }),
      );
    }
    return functions;
  }

  private addCacheIfUsed(manifest: ResolverManifest): appsync.CfnApiCache | undefined {
    if (!Object.values(manifest.resolvers).some((resolver) => resolver.caching)) return undefined;
    return new appsync.CfnApiCache(this, 'Cache', {
      apiId: this.api.apiId,
      apiCachingBehavior: 'PER_RESOLVER_CACHING',
      type: ApiDefaults.CACHE_INSTANCE_TYPE,
      ttl: 300,
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
    });
  }

  private addResolver(
    coordinate: string,
    config: ResolverConfig,
    props: GraphqlApiProps,
    functions: ReadonlyMap<string, appsync.AppsyncFunction>,
  ): appsync.Resolver {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const common = { api: this.api, typeName, fieldName, cachingConfig: caching(config.caching) };
    const id = `Resolver_${idOf(coordinate)}`;
    switch (config.kind) {
      case 'JS_UNIT':
        return new appsync.Resolver(this, id, {
          ...common,
          dataSource: this.dataSource(config.dataSource),
          runtime: appsync.FunctionRuntime.JS_1_0_0,
          code: this.code(props, config.code),
          maxBatchSize: config.maxBatchSize,
        });
      case 'JS_PIPELINE':
        return new appsync.Resolver(this, id, {
          ...common,
          pipelineConfig: config.functions.map((name) => {
            const fn = functions.get(name);
            if (!fn) throw new Error(`${coordinate}: unknown pipeline function '${name}'`);
            return fn;
          }),
          runtime: appsync.FunctionRuntime.JS_1_0_0,
          code: config.code ? this.code(props, config.code) : appsync.Code.fromInline(DEFAULT_PIPELINE_CODE),
        });
      case 'DIRECT_LAMBDA':
        // No code and no runtime: AppSync passes the whole context to the function.
        return new appsync.Resolver(this, id, {
          ...common,
          dataSource: this.dataSource(config.dataSource),
          maxBatchSize: config.maxBatchSize,
        });
    }
  }
}
