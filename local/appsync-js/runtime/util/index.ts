/** `util` of `@aws-appsync/utils`: every member the 2.1.1 d.ts declares for JS (§A7). */
import { toJsonObject } from '../rds/to-json-object.js';
import type { RuntimeState } from '../state.js';
import { createErrorUtils } from './errors.js';

/** Build `util` bound to one runtime state. */
export function createUtil(state: RuntimeState) {
  return {
    ...createErrorUtils(state),
    rds: { toJsonObject },
  };
}
