/**
 * Synthesizes one stage of the CDK app in process, for the generic fixture API
 * (test/fixtures/apis/basic), with cdk.json's feature flags: what `npx cdk synth -c stage=NAME
 * -c project=test/fixtures/apis/basic/config.ts#basicApi` produces, minus the CLI. No lookups,
 * no Docker, no network: esbuild bundles in this process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildDeployAssets, type DeployAssets } from '../../../infra/build/index.js';
import { toApiProject } from '../../../infra/config/project.js';
import { readStageConfig, type StageConfig } from '../../../infra/config/stage.js';
import { addStage, type ApiProject, type StageStacks } from '../../../infra/stage.js';
import type { LocalProjectConfig } from '../../../local/config/project.js';
import { basicApi } from '../../fixtures/apis/basic/config.js';

export const ROOT_DIR = path.resolve(import.meta.dirname, '../../..');

/** A synthesized stage: its stacks, their templates and the assets they deploy. */
export interface SynthesizedStage {
  readonly app: App;
  readonly stage: StageConfig;
  readonly project: ApiProject;
  readonly assets: DeployAssets;
  readonly stacks: StageStacks;
  readonly templates: { readonly data: Template; readonly auth: Template; readonly api: Template };
}

function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(ROOT_DIR, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return cdkJson.context;
}

/** Bundles and synthesizes `stageName` (extra context as with `-c key=value`) of the fixture API, or of `local` (a project config). */
export async function synthesizeStage(
  stageName: string,
  context: Record<string, string> = {},
  local: LocalProjectConfig = basicApi,
): Promise<SynthesizedStage> {
  const app = new App({ context: { ...cdkJsonContext(), ...context, stage: stageName } });
  const stage = readStageConfig((key) => app.node.tryGetContext(key));
  const project = toApiProject(local, ROOT_DIR);
  const assets = await buildDeployAssets({
    manifest: project.manifest,
    schemaFile: project.schemaFile,
    rootDir: ROOT_DIR,
    outDir: path.join(ROOT_DIR, 'node_modules', '.cache', 'roam-cdk-test', `${stageName}-${local === basicApi ? 'fixture' : 'project'}`),
  });
  const stacks = addStage(app, stage, project, assets);
  const templates = { data: Template.fromStack(stacks.data), auth: Template.fromStack(stacks.auth), api: Template.fromStack(stacks.api) };
  return { app, stage, project, assets, stacks, templates };
}
