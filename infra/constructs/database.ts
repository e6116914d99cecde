/**
 * Aurora Serverless v2 PostgreSQL 16 with the Data API: the only way our code reaches it, so
 * nothing else needs a network path to the cluster (it sits in isolated subnets, no NAT).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from '../nag.js';
import { Construct } from 'constructs';
import { DatabaseDefaults } from '../constants.js';

export interface DatabaseProps {
  /** e.g. `roam-dev`; the cluster is `<prefix>-db`. */
  readonly namePrefix: string;
  /** The database the cluster creates and the API uses. */
  readonly databaseName: string;
  /** Minimum ACU; 0 lets the instance pause when idle (scale to zero). @default 0 */
  readonly minCapacity?: number;
  /** @default DatabaseDefaults.MAX_CAPACITY_ACU */
  readonly maxCapacity?: number;
  /** Prod: deletion protection, 14 days of backups, snapshot on removal. @default false */
  readonly protect?: boolean;
}

/** The cluster, its credentials, and grants for Data API callers. */
export class Database extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly secret: ISecret;
  readonly databaseName: string;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    this.databaseName = props.databaseName;
    const protect = props.protect ?? false;
    const minCapacity = props.minCapacity ?? 0;

    // Rejected traffic only: nothing should try to reach isolated subnets, so every line is news.
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      flowLogs: {
        rejected: { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: ec2.FlowLogTrafficType.REJECT },
      },
    });

    // Declared before the cluster (which would otherwise create it without a retention, or need a
    // LogRetention Lambda), so the name must be the cluster's: hence the explicit identifier.
    const clusterIdentifier = `${props.namePrefix}-db`;
    const postgresLogs = new logs.LogGroup(this, 'PostgresLogs', {
      logGroupName: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
      retention: protect ? logs.RetentionDays.THREE_MONTHS : logs.RetentionDays.ONE_WEEK,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      clusterIdentifier,
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      writer: rds.ClusterInstance.serverlessV2('writer', { autoMinorVersionUpgrade: true }),
      serverlessV2MinCapacity: minCapacity,
      serverlessV2MaxCapacity: props.maxCapacity ?? DatabaseDefaults.MAX_CAPACITY_ACU,
      ...(minCapacity === 0 ? { serverlessV2AutoPauseDuration: Duration.minutes(DatabaseDefaults.AUTO_PAUSE_MINUTES) } : {}),
      enableDataApi: true,
      credentials: rds.Credentials.fromGeneratedSecret(DatabaseDefaults.MASTER_USERNAME),
      defaultDatabaseName: props.databaseName,
      storageEncrypted: true,
      iamAuthentication: true,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      cloudwatchLogsExports: ['postgresql'],
      backup: { retention: Duration.days(protect ? DatabaseDefaults.PROD_BACKUP_RETENTION_DAYS : DatabaseDefaults.BACKUP_RETENTION_DAYS) },
      deletionProtection: protect,
      removalPolicy: protect ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
    });
    this.cluster.node.addDependency(postgresLogs);
    // The generated secret is always there; the cast documents that `fromGeneratedSecret` made it.
    this.secret = this.cluster.secret as ISecret;

    NagSuppressions.addResourceSuppressions(
      this.cluster,
      [
        {
          id: 'AwsSolutions-SMG4',
          reason:
            'Rotating the master secret needs a rotation Lambda inside the VPC with a Secrets Manager endpoint; the cluster is reachable only through the Data API by principals granted this one secret.',
        },
        {
          id: 'AwsSolutions-RDS11',
          reason:
            'The cluster has no network path from outside its isolated subnets; callers use the Data API, so a non-default port adds nothing.',
        },
        ...(protect
          ? []
          : [
              {
                id: 'AwsSolutions-RDS10',
                reason: 'dev and preview stages are disposable: deletion protection would block `npm run destroy` of a preview.',
              },
            ]),
      ],
      true,
    );
  }

  /** Lets `grantee` run statements through the Data API on this cluster with this secret, and nothing else. */
  grantDataApiAccess(grantee: IGrantable): void {
    this.cluster.grantDataApiAccess(grantee);
  }
}
