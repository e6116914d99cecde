/**
 * The stacks of one stage, fully named `roam-<stage>-<part>`: what `infra/bin/app.ts` creates
 * for the stage given on the command line, and what the tests synthesize.
 */
import { Aspects, Tags, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from './nag.js';
import type { ResolverManifest } from '../platform/manifest/index.js';
import type { DeployAssets } from './build/index.js';
import type { StageConfig } from './config/stage.js';
import { APP_NAME, ApiDefaults } from './constants.js';
import { ApiStack } from './stacks/api-stack.js';
import { AuthStack } from './stacks/auth-stack.js';
import { GithubStack } from './stacks/github-stack.js';
import { DataStack } from './stacks/data-stack.js';

/** What the API of a project is made of (Roam's comes from local.config.ts). */
export interface ApiProject {
  /** Absolute path of the schema deployed to AppSync. */
  readonly schemaFile: string;
  readonly manifest: ResolverManifest;
  /** The database the cluster creates and the Data API targets. */
  readonly databaseName: string;
  /** @default ApiDefaults.QUERY_DEPTH_LIMIT */
  readonly queryDepthLimit?: number;
  /** AppSync's resolver count limit per request (0 or unset: AppSync's default of 10,000). */
  readonly resolverCountLimit?: number;
  /** `ctx.env` of every resolver. @default none */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default true */
  readonly introspection?: boolean;
}

/**
 * Adds the account-wide `roam-github` stack (OIDC roles for GitHub Actions), with cdk-nag.
 * Deployed once per account: `npx cdk deploy roam-github -c stage=dev -c githubRepo=owner/name`.
 */
export function addGithubStack(app: App, repository: string, existingProviderArn?: string): GithubStack {
  const stack = new GithubStack(app, `${APP_NAME}-github`, {
    stackName: `${APP_NAME}-github`,
    description: `Roam: GitHub Actions OIDC deploy roles for ${repository}`,
    repository,
    existingProviderArn,
  });
  Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  return stack;
}

/** The stacks of a stage. */
export interface StageStacks {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
}

/**
 * Adds one stage's stacks to `app`, with the AwsSolutions cdk-nag checks on each of them.
 * Stacks are environment-agnostic (account and region come from the deploying credentials), so
 * synthesis needs no lookups and no network.
 */
export function addStage(app: App, stage: StageConfig, project: ApiProject, assets: DeployAssets): StageStacks {
  const namePrefix = `${APP_NAME}-${stage.name}`;
  const metricsNamespace = `${APP_NAME}/${stage.name}`;
  const terminationProtection = stage.isProd;
  const data = new DataStack(app, `${namePrefix}-data`, {
    stackName: `${namePrefix}-data`,
    description: `Roam ${stage.name}: Aurora Serverless v2 (Data API) and migrations`,
    terminationProtection,
    stage,
    namePrefix,
    databaseName: project.databaseName,
    migration: assets.migration,
    metricsNamespace,
  });
  const auth = new AuthStack(app, `${namePrefix}-auth`, {
    stackName: `${namePrefix}-auth`,
    description: `Roam ${stage.name}: Cognito users`,
    terminationProtection,
    stage,
    namePrefix,
  });
  const api = new ApiStack(app, `${namePrefix}-api`, {
    stackName: `${namePrefix}-api`,
    description: `Roam ${stage.name}: AppSync API, Lambdas, releases and alarms`,
    terminationProtection,
    stage,
    namePrefix,
    schemaFile: project.schemaFile,
    manifest: project.manifest,
    assets,
    database: data.database,
    userPool: auth.auth.userPool,
    queryDepthLimit: project.queryDepthLimit || ApiDefaults.QUERY_DEPTH_LIMIT,
    resolverCountLimit: project.resolverCountLimit,
    metricsNamespace,
    environment: project.environment,
    introspection: project.introspection,
  });
  // Migrations finish before the new API code (which may need the new columns) goes live.
  api.addStackDependency(data);
  for (const stack of [data, auth, api]) {
    Tags.of(stack).add('app', APP_NAME);
    Tags.of(stack).add('stage', stage.name);
    Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  }
  return { data, auth, api };
}
