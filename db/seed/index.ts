export { hasSeedData, seed, SEEDED_TABLES } from './seed.js';
export type { SeedResult } from './seed.js';
export type { SeedOptions } from './options.js';
export { SeedDefaults, SeedLimits } from './constants.js';
export { SeedOptionsError, SeedTargetError } from './errors.js';
export { SEEDED_USERS, seededUser } from './users.js';
export type { SeededUser } from './users.js';
export { CITIES } from './data/cities.js';
export type { CityData } from './data/cities.js';
