/**
 * The CDK app: `npx cdk synth -c stage=dev` (or prod, or a preview name). Bundles the code
 * first (esbuild, in this process), then adds the stage's stacks. Only wiring lives here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { buildDeployAssets } from '../build/index.js';
import { loadProject } from '../config/project.js';
import { readStageConfig } from '../config/stage.js';
import { ContextKeys } from '../constants.js';
import { addGithubStack, addStage } from '../stage.js';

const rootDir = fileURLToPath(new URL('../../', import.meta.url));

try {
  const app = new App();
  const stage = readStageConfig((key) => app.node.tryGetContext(key));
  const project = await loadProject(rootDir, app.node.tryGetContext(ContextKeys.PROJECT) as string | undefined);
  const assets = await buildDeployAssets({
    manifest: project.manifest,
    schemaFile: project.schemaFile,
    rootDir,
    outDir: path.join(rootDir, 'node_modules', '.cache', 'roam-cdk', stage.name),
  });
  addStage(app, stage, project, assets);
  const githubRepository = app.node.tryGetContext(ContextKeys.GITHUB_REPOSITORY) as string | undefined;
  if (githubRepository)
    addGithubStack(app, githubRepository, app.node.tryGetContext(ContextKeys.GITHUB_PROVIDER_ARN) as string | undefined);
  app.synth();
} catch (error) {
  // Configuration and build errors name what is wrong; a stack trace would bury that.
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
}
