/**
 * Mutation.expireCredits (scheduler, IAM): every grant past its expiry with credits left gets an
 * EXPIRED entry for what is left, in one transaction; each changed balance is published.
 */
import { ValidationError } from '../shared/errors.js';
import { requireIam, type FieldHandler } from '../shared/handler.js';
import type { CreditBalanceChange } from '../shared/publish.js';
import { balanceChange, expireDueGrants, lockUser, type LedgerRow } from '../ledger/ledger.js';

/** Serves Mutation.expireCredits. */
export const expireCredits: FieldHandler<'Mutation.expireCredits'> = async (event, { db, publisher, now }) => {
  requireIam(event);
  const raw = event.arguments.asOf;
  const asOf = raw ? new Date(raw) : now();
  if (Number.isNaN(asOf.getTime())) throw new ValidationError('asOf must be an AWSDateTime');
  const changes = await db.transaction(async (tx) => {
    // Lock every affected user first, in id order (the same lock bookings take), then expire.
    const due = await tx.query<{ user_id: string }>(
      'SELECT DISTINCT user_id FROM credit_grant_remaining WHERE remaining_minor > 0 AND expires_at <= :asOf::timestamptz ORDER BY user_id',
      { asOf: asOf.toISOString() },
    );
    const users = [];
    for (const row of due) users.push(await lockUser(tx, row.user_id));
    const written = await expireDueGrants(tx, null, asOf);
    const byUser = new Map<string, LedgerRow[]>();
    for (const entry of written) byUser.set(entry.user_id, [...(byUser.get(entry.user_id) ?? []), entry]);
    const result: CreditBalanceChange[] = [];
    for (const user of users) {
      const entries = user ? byUser.get(user.id) : undefined;
      if (user && entries) result.push(await balanceChange(tx, user, entries, asOf));
    }
    return { result, entriesWritten: written.length };
  });
  for (const change of changes.result) await publisher.creditBalanceChanged(change);
  return { asOf: asOf.toISOString(), usersAffected: changes.result.length, entriesWritten: changes.entriesWritten };
};
