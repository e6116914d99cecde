import type { ManifestPart } from '../../local/manifest/index.js';

/** Subscriptions that need a check at subscribe time: a user follows only their own bookings and credits. */
export const realtimePart = {
  resolvers: {
    'Subscription.onBookingUpdated': { kind: 'JS_UNIT', code: 'resolvers/js/Subscription.onBookingUpdated.ts', dataSource: 'none' },
    'Subscription.onCreditBalanceChanged': { kind: 'JS_UNIT', code: 'resolvers/js/Subscription.onCreditBalanceChanged.ts', dataSource: 'none' },
  },
} satisfies ManifestPart;
