/**
 * The prod and preview stages: fully named stacks from the same app, and what differs between
 * them (protection, capacity, canary length, log detail). The dev stage is covered by
 * requirements.test.ts. Each stage is synthesized once.
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeStage, type SynthesizedStage } from './support/synth.js';

let prod: SynthesizedStage;
let preview: SynthesizedStage;
beforeAll(async () => {
  prod = await synthesizeStage('prod', { prodMinCapacity: '1' });
  preview = await synthesizeStage('pr-42');
});

function expectNagClean(stage: SynthesizedStage): void {
  for (const stack of [stage.stacks.data, stage.stacks.auth, stage.stacks.api]) {
    const findings = [
      ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ];
    expect(findings.map((f) => `${f.id}: ${String(f.entry.data).slice(0, 120)}`)).toEqual([]);
  }
}

describe('prod', () => {
  it('is a fully named set of stacks with termination protection', () => {
    expect([prod.stacks.data, prod.stacks.auth, prod.stacks.api].map((s) => s.stackName)).toEqual([
      'roam-prod-data',
      'roam-prod-auth',
      'roam-prod-api',
    ]);
    expect(prod.stacks.data.terminationProtection).toBe(true);
  });

  it('keeps the configured minimum capacity, backups, deletion protection and a snapshot on removal', () => {
    prod.templates.data.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Snapshot',
      Properties: Match.objectLike({
        DeletionProtection: true,
        BackupRetentionPeriod: 14,
        StorageEncrypted: true,
        EnableHttpEndpoint: true,
        ServerlessV2ScalingConfiguration: Match.objectLike({ MinCapacity: 1, SecondsUntilAutoPause: Match.absent() }),
      }),
    });
    prod.templates.auth.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });

  it('gives canaries 10 minutes and logs resolver errors without request bodies', () => {
    prod.templates.api.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent10Minutes',
    });
    prod.templates.api.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      LogConfig: Match.objectLike({ FieldLogLevel: 'ERROR', ExcludeVerboseContent: true }),
    });
  });

  it('passes cdk-nag AwsSolutions', () => expectNagClean(prod));
});

describe('preview', () => {
  it('is its own fully named set of stacks that can be destroyed', () => {
    expect([preview.stacks.data, preview.stacks.auth, preview.stacks.api].map((s) => s.stackName)).toEqual([
      'roam-pr-42-data',
      'roam-pr-42-auth',
      'roam-pr-42-api',
    ]);
    expect(preview.stacks.data.terminationProtection).toBe(false);
    preview.templates.data.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        DeletionProtection: false,
        DBClusterIdentifier: 'roam-pr-42-db',
        ServerlessV2ScalingConfiguration: Match.objectLike({ MinCapacity: 0 }),
      }),
    });
    preview.templates.api.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'roam-pr-42-text' });
  });

  it('passes cdk-nag AwsSolutions', () => expectNagClean(preview));
});
