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
    const deployed = Object.values(resolvers).map((resource: any) => `${resource.Properties.TypeName}.${resource.Properties.FieldName}`).sort();
    expect(deployed).toEqual(Object.keys(manifest.resolvers).sort());
    dev.templates.api.resourceCountIs('AWS::AppSync::FunctionConfiguration', Object.keys(manifest.functions).length);
  });

  it('deploys each Lambda of the manifest on arm64 and Node.js 22 behind a live alias', () => {
    for (const name of Object.keys(manifest.lambdaFunctions)) {
      dev.templates.api.hasResourceProperties('AWS::Lambda::Function', { FunctionName: Match.stringLikeRegexp(name), Architectures: ['arm64'], Runtime: 'nodejs22.x' });
    }
    expect(Object.keys(dev.templates.api.findResources('AWS::Lambda::Alias')).length).toBeGreaterThanOrEqual(Object.keys(manifest.lambdaFunctions).length);
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
