/**
 * Roam's resolver manifest (DESIGN decision 1): which resolver serves each field. The offline
 * server and the CDK app both read this; each area of the API declares its part in
 * resolvers/manifest/, and a name declared twice is an error.
 */
import { mergeManifests } from '../platform/manifest/index.js';
import { moneyPart } from './manifest/money.js';
import { readsPart } from './manifest/reads.js';
import { realtimePart } from './manifest/realtime.js';
import { sharedPart } from './manifest/shared.js';

export const manifest = mergeManifests(sharedPart, moneyPart, readsPart, realtimePart);
