import type { ManifestPart } from '../../platform/manifest/index.js';

/**
 * Realtime: subscriptions that need a check at subscribe time (a user follows only their own
 * bookings and credits), and the IAM-only publish mutations through which Lambdas announce changes.
 */
export const realtimePart = {
  resolvers: {
    'Subscription.onBookingUpdated': { kind: 'JS_UNIT', code: 'resolvers/js/Subscription.onBookingUpdated.ts', dataSource: 'none' },
    'Subscription.onCreditBalanceChanged': {
      kind: 'JS_UNIT',
      code: 'resolvers/js/Subscription.onCreditBalanceChanged.ts',
      dataSource: 'none',
    },
    'Mutation.publishCreditBalanceChanged': {
      kind: 'JS_UNIT',
      code: 'resolvers/js/Mutation.publishCreditBalanceChanged.ts',
      dataSource: 'none',
    },
    'Mutation.publishHotelAvailabilityChanged': {
      kind: 'JS_UNIT',
      code: 'resolvers/js/Mutation.publishHotelAvailabilityChanged.ts',
      dataSource: 'none',
    },
  },
} satisfies ManifestPart;
