/** `npm run destroy -- --stage NAME`: removes a preview stage (never dev or prod). */
import { PERMANENT_STAGES } from '../infra/constants.js';
import { fail, parseStageArgs } from './lib/stage-args.js';
import { run } from './lib/run.js';

const USAGE = `Usage: npm run destroy -- --stage NAME [--ci]

Deletes the stacks of a preview stage, its database included. dev and prod are refused.`;

const { stage, values } = parseStageArgs(process.argv.slice(2), { ci: { type: 'boolean' } }, USAGE);
if ((PERMANENT_STAGES as readonly string[]).includes(stage))
  fail(`Refusing to destroy ${stage}: only preview stages are removed this way.`);
const code = await run('npx', ['cdk', 'destroy', '--all', '-c', `stage=${stage}`, ...(values.ci ? ['--force'] : [])]);
if (code !== 0) fail(`Destroy of ${stage} failed (exit ${code}).`);
