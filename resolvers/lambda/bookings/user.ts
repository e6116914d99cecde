/** The caller's users row outside a transaction (quote is read-only and takes no lock). */
import type { SqlExecutor } from '../shared/data-api.js';
import type { UserRow } from '../ledger/ledger.js';

/** The user's row without a lock. */
export async function readUser(db: SqlExecutor, userId: string): Promise<UserRow | null> {
  const [row] = await db.query<UserRow>(
    'SELECT id, cognito_sub, home_currency, signed_up_at, referral_code, referred_by FROM users WHERE id = :id::uuid',
    { id: userId },
  );
  return row ?? null;
}
