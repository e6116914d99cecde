import type { ManifestPart } from '../../platform/manifest/index.js';

/**
 * The money part of Roam's API: Lambda resolvers that need transactions and business
 * rules. One Lambda per area; each is bound to the shared invokeLambda pipeline function once.
 * User fields start with ensureUser; back-office fields do not (IAM callers have no user row),
 * and their Lambda checks the caller's group or IAM identity as the schema's directives do.
 * The jobs Lambda runs on schedules: it completes stays (hourly) and expires credits (daily)
 * through the back-office mutations.
 */
export const moneyPart = {
  lambdaFunctions: {
    bookings: { handler: 'resolvers/lambda/bookings/handler.ts', timeoutSeconds: 15 },
    rewards: { handler: 'resolvers/lambda/rewards/handler.ts' },
    referrals: { handler: 'resolvers/lambda/referrals/handler.ts' },
    backOffice: { handler: 'resolvers/lambda/backoffice/handler.ts', timeoutSeconds: 30 },
    // The scheduled jobs call the back-office mutations that do the work (IAM-signed).
    jobs: { handler: 'resolvers/lambda/jobs/handler.ts', timeoutSeconds: 300, mutations: ['completeStay', 'expireCredits'] },
  },
  schedules: {
    'complete-stays': {
      function: 'jobs',
      rateMinutes: 60,
      input: { job: 'complete-stays' },
      description: "Completes every confirmed stay whose check-out date has come on the hotel's calendar",
    },
    // Daily: bookings and quotes never count an expired credit anyway; the entries are bookkeeping.
    'expire-credits': {
      function: 'jobs',
      rateMinutes: 1440,
      input: { job: 'expire-credits' },
      description: 'Moves credits past their expiry out of the balances',
    },
  },
  dataSources: {
    bookingsFn: { kind: 'LAMBDA', function: 'bookings' },
    rewardsFn: { kind: 'LAMBDA', function: 'rewards' },
    referralsFn: { kind: 'LAMBDA', function: 'referrals' },
    backOfficeFn: { kind: 'LAMBDA', function: 'backOffice' },
  },
  functions: {
    invokeBookings: { code: 'resolvers/functions/invokeLambda.ts', dataSource: 'bookingsFn' },
    invokeRewards: { code: 'resolvers/functions/invokeLambda.ts', dataSource: 'rewardsFn' },
    invokeReferrals: { code: 'resolvers/functions/invokeLambda.ts', dataSource: 'referralsFn' },
    invokeBackOffice: { code: 'resolvers/functions/invokeLambda.ts', dataSource: 'backOfficeFn' },
  },
  resolvers: {
    'Query.quote': { kind: 'JS_PIPELINE', functions: ['ensureUser', 'invokeBookings'] },
    'Mutation.createBooking': { kind: 'JS_PIPELINE', functions: ['ensureUser', 'invokeBookings'] },
    'Mutation.cancelBooking': { kind: 'JS_PIPELINE', functions: ['ensureUser', 'invokeBookings'] },
    'Mutation.redeemReferralCode': { kind: 'JS_PIPELINE', functions: ['ensureUser', 'invokeReferrals'] },
    'User.rewards': { kind: 'JS_PIPELINE', functions: ['ensureUser', 'invokeRewards'] },
    'Mutation.setRoomAvailability': { kind: 'JS_PIPELINE', functions: ['invokeBackOffice'] },
    'Mutation.completeStay': { kind: 'JS_PIPELINE', functions: ['invokeBackOffice'] },
    'Mutation.expireCredits': { kind: 'JS_PIPELINE', functions: ['invokeBackOffice'] },
  },
} satisfies ManifestPart;
