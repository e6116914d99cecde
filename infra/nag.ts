/**
 * cdk-nag, re-exported for ESM: its CommonJS build defines exports in a way Node's named-export
 * detection misses, so named imports fail at runtime; the default import always works.
 */
import cdkNag from 'cdk-nag';

export const { AwsSolutionsChecks, NagSuppressions } = cdkNag;
export type { NagPackSuppression } from 'cdk-nag';
