/** Our runtime of `@aws-appsync/utils`, `@aws-appsync/utils/rds`, `util`, `runtime` and `extensions`. */
export { createAppSyncModules } from './modules.js';
export { readSignal } from './signals.js';
export { SIGNAL_KEY, SignalKind } from './constants.js';
export type * from './types.js';
