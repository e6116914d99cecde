// Test helper: a fresh runtime and its modules, typed loosely because resolver code is JavaScript.
import { createAppSyncModules } from '../../../../local/appsync-js/runtime/index.js';

export function freshRuntime() {
  const instance = createAppSyncModules();
  const utils = instance.modules['@aws-appsync/utils'] as { util: any; runtime: any; extensions: any };
  const rds = instance.modules['@aws-appsync/utils/rds'] as any;
  const ddb = instance.modules['@aws-appsync/utils/dynamodb'] as any;
  const ai = instance.modules['@aws-appsync/utils/ai'] as any;
  return { instance, util: utils.util, runtime: utils.runtime, extensions: utils.extensions, rds, ddb, ai };
}
