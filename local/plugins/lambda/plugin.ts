/** The Lambda runtime as a plugin: it serves no route (resolvers call it), and stops its processes on close. */
import type { LocalPlugin } from '../types.js';
import type { LambdaRunner } from './types.js';

export function createLambdaPlugin(runner: LambdaRunner): LocalPlugin {
  return { name: 'lambda', close: () => runner.close() };
}
