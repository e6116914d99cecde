/** The database of a stage and its migrations. Kept apart from the API so an API change never touches data. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { MigrationAsset } from '../build/index.js';
import type { StageConfig } from '../config/stage.js';
import { Database } from '../constructs/database.js';
import { Migrations } from '../constructs/migrations.js';

export interface DataStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly namePrefix: string;
  readonly databaseName: string;
  readonly migration: MigrationAsset;
  readonly metricsNamespace: string;
}

export class DataStack extends Stack {
  readonly database: Database;
  readonly migrations: Migrations;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.database = new Database(this, 'Database', {
      namePrefix: props.namePrefix,
      databaseName: props.databaseName,
      minCapacity: props.stage.minCapacity,
      maxCapacity: props.stage.maxCapacity,
      protect: props.stage.isProd,
    });
    this.migrations = new Migrations(this, 'Migrations', {
      database: this.database,
      asset: props.migration,
      namePrefix: props.namePrefix,
      metricsNamespace: props.metricsNamespace,
    });
    new CfnOutput(this, 'ClusterArn', { value: this.database.cluster.clusterArn });
    new CfnOutput(this, 'SecretArn', { value: this.database.secret.secretArn });
    new CfnOutput(this, 'DatabaseName', { value: props.databaseName });
  }
}
