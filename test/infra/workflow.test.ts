/**
 * The GitHub Actions pipeline: valid YAML, the triggers the release process needs, OIDC only,
 * and deploy steps that call the same npm scripts a person runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT_DIR } from './support/synth.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, { types?: string[]; branches?: string[]; tags?: string[] }>;
  jobs: Record<string, Job>;
}

const text = readFileSync(path.join(ROOT_DIR, '.github/workflows/pipeline.yml'), 'utf8');
const workflow = parse(text, { strict: true, uniqueKeys: true }) as Workflow;
const scripts = (JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const usesAws = (job: Job) => job.steps.some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials'));

describe('pipeline workflow', () => {
  it('runs on pull requests (including close), on main and on version tags', () => {
    expect(workflow.on.pull_request?.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'closed']));
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on.push?.tags).toEqual(['v*']);
  });

  it('tests with the same script as local CI before any deploy', () => {
    expect(workflow.jobs.test?.steps.some((step) => step.run === '.ci/run')).toBe(true);
    for (const name of ['preview', 'dev', 'prod']) expect(workflow.jobs[name]?.needs, name).toBe('test');
  });

  it('deploys a preview per pull request, main to dev and tags to prod with npm run deploy, and removes previews with npm run destroy', () => {
    const runs = (name: string) => (workflow.jobs[name]?.steps ?? []).map((step) => step.run ?? '').join('\n');
    expect(runs('preview')).toMatch(/^npm run deploy -- --stage pr-\$\{\{ github\.event\.pull_request\.number \}\} --ci$/m);
    expect(runs('remove-preview')).toMatch(/^npm run destroy -- --stage pr-\$\{\{ github\.event\.pull_request\.number \}\} --ci$/m);
    expect(runs('dev')).toMatch(/^npm run deploy -- --stage dev --ci$/m);
    expect(runs('prod')).toMatch(/^npm run deploy -- --stage prod --ci$/m);
    expect(workflow.jobs.dev?.if).toContain('refs/heads/main');
    expect(workflow.jobs.prod?.if).toContain('refs/tags/v');
    expect(workflow.jobs['remove-preview']?.if).toContain("action == 'closed'");
    for (const script of ['deploy', 'destroy', 'rollback', 'logs']) expect(scripts[script], script).toMatch(/^tsx scripts\//);
  });

  it('checks schema compatibility in CI and records the released schema after a prod deploy, through a pull request', () => {
    expect(readFileSync(path.join(ROOT_DIR, '.ci/run'), 'utf8')).toMatch(/^npm run schema:check$/m);
    const release = workflow.jobs['record-released-schema'];
    expect(release?.needs).toBe('prod');
    expect(release?.steps.map((step) => step.run ?? '')).toContain('npm run schema:release');
    expect(release?.steps.some((step) => step.run?.includes('gh pr create --base main'))).toBe(true);
    expect(scripts['schema:check']).toBe('tsx scripts/schema-check.ts');
    expect(scripts['schema:release']).toBe('tsx scripts/schema-release.ts');
  });

  it('reaches AWS only through OIDC federation, never stored keys', () => {
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/i);
    const awsJobs = Object.entries(workflow.jobs).filter(([, job]) => usesAws(job));
    expect(awsJobs.map(([name]) => name).sort()).toEqual(['dev', 'preview', 'prod', 'remove-preview']);
    for (const [name, job] of awsJobs) {
      expect(job.permissions?.['id-token'], name).toBe('write');
      const credentials = job.steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials'));
      expect(credentials?.with?.['role-to-assume'], name).toMatch(/^\$\{\{ vars\.AWS_(PROD_)?DEPLOY_ROLE_ARN \}\}$/);
    }
  });
});
