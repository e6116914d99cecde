import { cognitoSubForUsername } from '../../platform/cognito/sub.js';

/**
 * The named test users. Their ids are fixed (not drawn from the seed) and their Cognito subs are
 * the ones the offline user pool gives their usernames, so `npm run token -- --user alice` and the
 * playground sign in as the seeded alice whatever seed the database was built with.
 * `groups` are Cognito groups: they live in the token, not in the database.
 */
export interface SeededUser {
  username: string;
  /** users.id */
  id: string;
  /** users.cognito_sub: the `sub` claim of this user's tokens. */
  sub: string;
  email: string;
  name: string;
  groups: readonly string[];
  referralCode: string;
  homeCurrency: string;
  /** Days before the seed's start date that the user signed up. */
  signedUpDaysBefore: number;
  /** What the seed gives this user, for people reading the playground. */
  story: string;
}

/** Every seeded user, in a stable order. */
export const SEEDED_USERS: readonly SeededUser[] = [
  {
    username: 'alice',
    id: 'ef0a9e14-d4c3-4f71-8b32-d80cf19cae30',
    sub: cognitoSubForUsername('alice'),
    email: 'alice@example.com',
    name: 'Alice Archer',
    groups: [],
    referralCode: 'ALICE2024',
    homeCurrency: 'USD',
    signedUpDaysBefore: 520,
    story: 'two completed stays, a cancelled one, an upcoming one paid partly with credits, two lists; referred bob and was rewarded',
  },
  {
    username: 'bob',
    id: '1cf473f0-6cf3-4cc7-ba71-2be7824e3a49',
    sub: cognitoSubForUsername('bob'),
    email: 'bob@example.com',
    name: 'Bob Baker',
    groups: [],
    referralCode: 'BOBBY7K2Q',
    homeCurrency: 'USD',
    signedUpDaysBefore: 200,
    story: "redeemed alice's code, spent the signup credit on a completed stay over $400",
  },
  {
    username: 'carol',
    id: '64c92b74-6972-4ddb-af2a-5669984a9da3',
    sub: cognitoSubForUsername('carol'),
    email: 'carol@example.com',
    name: 'Carol Chen',
    groups: [],
    referralCode: 'CAROL9M4X',
    homeCurrency: 'USD',
    signedUpDaysBefore: 3,
    story: 'signed up 3 days ago with an unused welcome promo; may still redeem a referral code',
  },
  {
    username: 'dave',
    id: '4127b86b-e802-4cea-804b-b9ea2ebbf5af',
    sub: cognitoSubForUsername('dave'),
    email: 'dave@example.com',
    name: 'Dave Diaz',
    groups: [],
    referralCode: 'DAVE5R8T2',
    homeCurrency: 'USD',
    signedUpDaysBefore: 700,
    story: 'frequent traveller: four completed stays, an upcoming one, an expired promo; referred erin (not yet rewarded)',
  },
  {
    username: 'erin',
    id: '8f8d99f6-3443-48d3-8a9d-ae337f3429c6',
    sub: cognitoSubForUsername('erin'),
    email: 'erin@example.com',
    name: 'Erin Evans',
    groups: [],
    referralCode: 'ERIN3W6P1',
    homeCurrency: 'USD',
    signedUpDaysBefore: 60,
    story: "redeemed dave's code and let the signup credit expire; one upcoming stay",
  },
  {
    username: 'pat',
    id: '667e2fe0-78e6-47f8-8319-3ea6bf449f67',
    sub: cognitoSubForUsername('pat'),
    email: 'pat@partner.example.com',
    name: 'Pat Partner',
    groups: ['partners'],
    referralCode: 'PATPART01',
    homeCurrency: 'USD',
    signedUpDaysBefore: 800,
    story: 'back-office partner (Cognito group partners); no bookings',
  },
];

/** A seeded user by username; throws for an unknown name. */
export function seededUser(username: string): SeededUser {
  const user = SEEDED_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`No seeded user named ${username}`);
  return user;
}
