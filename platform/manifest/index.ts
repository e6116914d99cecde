export { defineManifest } from './define.js';
export { mergeManifests, type ManifestPart } from './merge.js';
export { assertValidManifest, findManifestProblems, type ValidateOptions } from './validate.js';
export { ManifestError } from './errors.js';
export { ManifestLimits } from './constants.js';
export type * from './types.js';
