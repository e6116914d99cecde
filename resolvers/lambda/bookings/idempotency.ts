/**
 * createBooking's idempotency: a claim on (user, key) taken in its own autocommitted statement
 * before the booking transaction (migration 0010, booking_requests).
 */
import { createHash } from 'node:crypto';
import { ErrorType, IDEMPOTENCY_CLAIM_SECONDS } from '../shared/constants.js';
import type { SqlExecutor } from '../shared/data-api.js';
import { BusinessError } from '../shared/errors.js';

/** The fingerprint of a request: everything but the key. */
export function requestHash(input: { quoteId: string; quotedTotal: { amount: number; currency: string }; applyCredits: boolean }): string {
  return createHash('sha256')
    .update(JSON.stringify([input.quoteId, input.quotedTotal.amount, input.quotedTotal.currency, input.applyCredits]))
    .digest('hex');
}

/** What the claim found. */
export type ClaimOutcome = { kind: 'claimed' } | { kind: 'replay'; bookingId: string };

/**
 * Claims the key for this request, or tells how to answer: replay the first booking (same input,
 * finished), IdempotencyKeyReused (different input), IdempotencyKeyInFlight (same input, running).
 */
export async function claimKey(db: SqlExecutor, userId: string, key: string, hash: string): Promise<ClaimOutcome> {
  const claimed = await db.query<{ request_hash: string }>(
    `INSERT INTO booking_requests (user_id, idempotency_key, request_hash, claimed_until)
     VALUES (:user::uuid, :key, :hash, now() + :seconds::int * interval '1 second')
     ON CONFLICT (user_id, idempotency_key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, claimed_until = EXCLUDED.claimed_until
       WHERE booking_requests.booking_id IS NULL AND booking_requests.claimed_until < now()
     RETURNING request_hash`,
    { user: userId, key, hash, seconds: IDEMPOTENCY_CLAIM_SECONDS },
  );
  if (claimed.length > 0) return { kind: 'claimed' };
  const [existing] = await db.query<{ request_hash: string; booking_id: string | null }>(
    'SELECT request_hash, booking_id FROM booking_requests WHERE user_id = :user::uuid AND idempotency_key = :key',
    { user: userId, key },
  );
  if (!existing) return claimKey(db, userId, key, hash); // released between the two statements: try again
  if (existing.request_hash !== hash)
    throw new BusinessError(ErrorType.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used with a different input');
  if (existing.booking_id) return { kind: 'replay', bookingId: existing.booking_id };
  throw new BusinessError(ErrorType.IDEMPOTENCY_KEY_IN_FLIGHT, 'The first request with this idempotency key has not finished; retry');
}

/** Marks the key done in the booking's transaction. */
export async function completeKey(tx: SqlExecutor, userId: string, key: string, bookingId: string): Promise<void> {
  await tx.execute('UPDATE booking_requests SET booking_id = :booking::uuid WHERE user_id = :user::uuid AND idempotency_key = :key', {
    booking: bookingId,
    user: userId,
    key,
  });
}

/** Releases the claim of a failed attempt, so a retry runs again. */
export async function releaseKey(db: SqlExecutor, userId: string, key: string): Promise<void> {
  await db.execute('DELETE FROM booking_requests WHERE user_id = :user::uuid AND idempotency_key = :key AND booking_id IS NULL', {
    user: userId,
    key,
  });
}
