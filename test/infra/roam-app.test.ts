/**
 * Roam's own app, not the fixture: the dev stage synthesizes offline with every resolver and
 * function of resolvers/manifest.ts deployed, each Lambda of the manifest behind its alias, and
 * cdk-nag clean.
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../local.config.js';
import { manifest } from '../../resolvers/manifest.js';
import { synthesizeStage, type SynthesizedStage } from './support/synth.js';

let dev: SynthesizedStage;

beforeAll(async () => {
  dev = await synthesizeStage('dev', {}, config);
}, 300_000);

describe("Roam's CDK app", () => {
  it('deploys every resolver and pipeline function of the manifest', () => {
    const resolvers = dev.templates.api.findResources('AWS::AppSync::Resolver');
    const deployed = Object.values(resolvers)
      .map((resource: any) => `${resource.Properties.TypeName}.${resource.Properties.FieldName}`)
      .sort();
    expect(deployed).toEqual(Object.keys(manifest.resolvers).sort());
    dev.templates.api.resourceCountIs('AWS::AppSync::FunctionConfiguration', Object.keys(manifest.functions).length);
  });

  it('deploys each Lambda of the manifest on arm64 and Node.js 22 behind a live alias', () => {
    for (const name of Object.keys(manifest.lambdaFunctions)) {
      dev.templates.api.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: Match.stringLikeRegexp(name),
        Architectures: ['arm64'],
        Runtime: 'nodejs22.x',
      });
    }
    expect(Object.keys(dev.templates.api.findResources('AWS::Lambda::Alias')).length).toBeGreaterThanOrEqual(
      Object.keys(manifest.lambdaFunctions).length,
    );
  });

  it('runs each schedule of the manifest at its rate on its Lambda alias through EventBridge (completion hourly), with an alarm on failed runs', () => {
    const api = dev.templates.api;
    const functions = api.findResources('AWS::Lambda::Function');
    const aliases = api.findResources('AWS::Lambda::Alias');
    const jobsFunction = Object.keys(functions).find((id) => functions[id]?.Properties.FunctionName === 'roam-dev-jobs');
    expect(jobsFunction).toBeDefined();
    const rules = api.findResources('AWS::Events::Rule');
    expect(Object.keys(manifest.schedules ?? {}).sort()).toEqual(['complete-stays', 'expire-credits']);
    for (const [name, schedule] of Object.entries(manifest.schedules ?? {})) {
      const found = Object.entries(rules).find(([, resource]: [string, any]) => resource.Properties.Name === `roam-dev-${name}`);
      expect(found, name).toBeDefined();
      const [ruleId, rule] = found as [string, any];
      const rate = { 60: 'rate(1 hour)', 1440: 'rate(1 day)' }[schedule.rateMinutes];
      expect(rule.Properties).toMatchObject({ ScheduleExpression: rate, State: 'ENABLED' });
      if (name === 'complete-stays') expect(rate).toBe('rate(1 hour)');
      // Its one target: the jobs function's live alias, with the schedule's input.
      expect(rule.Properties.Targets).toHaveLength(1);
      const [target] = rule.Properties.Targets;
      expect(JSON.parse(target.Input)).toEqual(schedule.input);
      expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2 });
      const alias = aliases[target.Arn.Ref];
      expect(alias?.Properties).toMatchObject({ Name: 'live', FunctionName: { Ref: jobsFunction } });
      api.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { Ref: target.Arn.Ref },
        SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
      });
      // The alarm: EventBridge failing to invoke, or the function failing, in one run's period.
      api.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `roam-dev-${name}-failed`,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Metrics: Match.arrayWith([
          Match.objectLike({ Expression: 'FILL(failed, 0) + FILL(errors, 0)' }),
          Match.objectLike({
            Id: 'failed',
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({
                MetricName: 'FailedInvocations',
                Namespace: 'AWS/Events',
                Dimensions: [{ Name: 'RuleName', Value: { Ref: ruleId } }],
              }),
            }),
          }),
          Match.objectLike({
            Id: 'errors',
            MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'Errors', Namespace: 'AWS/Lambda' }) }),
          }),
        ]),
      });
    }
  });

  it('lets the jobs function call the mutations it runs, completeStay and expireCredits', () => {
    const policies = Object.values(dev.templates.api.findResources('AWS::IAM::Policy')) as any[];
    const text = JSON.stringify(policies.filter((policy) => JSON.stringify(policy.Properties.Roles).includes('Lambdajobs')));
    expect(text).toContain('/types/Mutation/fields/completeStay');
    expect(text).toContain('/types/Mutation/fields/expireCredits');
  });

  it('has no unsuppressed cdk-nag findings', () => {
    for (const stack of [dev.stacks.data, dev.stacks.auth, dev.stacks.api]) {
      const findings = [
        ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
        ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ];
      expect(findings.map((finding) => finding.id)).toEqual([]);
    }
  });
});
