export { createRealtimePlugin, type RealtimePlugin, type RealtimePluginOptions } from './plugin.js';
export { RealtimeLimits, RealtimeWire, MessageTypes } from './constants.js';
export { matchesFilter, matchesSubscriptionFilter, matchesArguments } from './filters.js';
