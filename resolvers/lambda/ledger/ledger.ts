/**
 * The credit ledger inside a transaction: locking a user's money, writing entries, open grants,
 * expiry and the balance. The balance is never stored: it is the sum of the ledger (0005).
 */
import type { CreditEntryKind } from '../../../generated/graphql.js';
import { CreditRules } from '../shared/constants.js';
import { isoInstant, type SqlExecutor } from '../shared/data-api.js';
import type { CreditBalanceChange } from '../shared/publish.js';
import type { CurrencyRate } from '../money/currency.js';

/** A credit_ledger row as the Data API returns it. */
export interface LedgerRow {
  id: string;
  user_id: string;
  kind: CreditEntryKind;
  amount_minor: number;
  currency: string;
  expires_at: string | null;
  booking_id: string | null;
  consumes_entry_id: string | null;
  note: string | null;
  created_at: string;
}

/** The users columns the money Lambdas need. */
export interface UserRow {
  id: string;
  cognito_sub: string;
  home_currency: string;
  signed_up_at: string;
  referral_code: string;
  referred_by: string | null;
}

const LEDGER_COLUMNS = 'id, user_id, kind, amount_minor, currency, expires_at, booking_id, consumes_entry_id, note, created_at';

/**
 * Locks the user's row for the rest of the transaction. Every transaction that moves a user's
 * credits takes this lock first, so two of them never interleave (no double spend of a grant).
 */
export async function lockUser(tx: SqlExecutor, userId: string): Promise<UserRow | null> {
  const [row] = await tx.query<UserRow>(
    'SELECT id, cognito_sub, home_currency, signed_up_at, referral_code, referred_by FROM users WHERE id = :id::uuid FOR UPDATE',
    { id: userId },
  );
  return row ?? null;
}

/** The fixed rates of the given currencies (migration 0010). */
export async function currencyRates(tx: SqlExecutor, currencies: readonly string[]): Promise<Map<string, CurrencyRate>> {
  const rows = await tx.query<{ currency: string; minor_digits: number; usd_micros_per_unit: number }>(
    "SELECT currency, minor_digits, usd_micros_per_unit FROM currency_rates WHERE currency = ANY(string_to_array(:list, ','))",
    { list: [...new Set(currencies)].join(',') },
  );
  const rates = new Map(
    rows.map((row) => [
      row.currency.trim(),
      { currency: row.currency.trim(), minorDigits: Number(row.minor_digits), usdMicrosPerUnit: Number(row.usd_micros_per_unit) },
    ]),
  );
  for (const currency of currencies) if (!rates.has(currency)) throw new Error(`No exchange rate for ${currency}`);
  return rates;
}

/** A new ledger entry. */
export interface NewEntry {
  userId: string;
  kind: string;
  amount: number;
  currency: string;
  /** A Date, or a Data API timestamptz string (UTC) kept to the microsecond, e.g. a grant's original expiry. */
  expiresAt?: Date | string | null;
  bookingId?: string | null;
  consumesEntryId?: string | null;
  referralRedemptionId?: string | null;
  note?: string | null;
  at: Date;
}

/** Appends one entry and returns it. */
export async function insertEntry(tx: SqlExecutor, entry: NewEntry): Promise<LedgerRow> {
  const [row] = await tx.query<LedgerRow>(
    `INSERT INTO credit_ledger (user_id, kind, amount_minor, currency, expires_at, booking_id, consumes_entry_id, referral_redemption_id, note, created_at)
     VALUES (:user::uuid, :kind, :amount, :currency, :expires::timestamptz, :booking::uuid, :consumes::uuid, :referral::uuid, :note, :at::timestamptz)
     RETURNING ${LEDGER_COLUMNS}`,
    {
      user: entry.userId,
      kind: entry.kind,
      amount: entry.amount,
      currency: entry.currency,
      expires:
        entry.expiresAt == null ? null : typeof entry.expiresAt === 'string' ? `${entry.expiresAt}+00` : entry.expiresAt.toISOString(),
      booking: entry.bookingId ?? null,
      consumes: entry.consumesEntryId ?? null,
      referral: entry.referralRedemptionId ?? null,
      note: entry.note ?? null,
      at: entry.at.toISOString(),
    },
  );
  return row as LedgerRow;
}

/** A grant with credits left. */
export interface OpenGrant {
  id: string;
  kind: string;
  expires_at: string;
  remaining_minor: number;
}

/** The user's unexpired grants with credits left, soonest-expiring first (the spending order). */
export async function openGrants(tx: SqlExecutor, userId: string, asOf: Date): Promise<OpenGrant[]> {
  const rows = await tx.query<OpenGrant>(
    `SELECT id, kind, expires_at, remaining_minor::bigint AS remaining_minor FROM credit_grant_remaining
      WHERE user_id = :user::uuid AND remaining_minor > 0 AND expires_at > :asOf::timestamptz
      ORDER BY expires_at, created_at, id`,
    { user: userId, asOf: asOf.toISOString() },
  );
  return rows.map((row) => ({ ...row, remaining_minor: Number(row.remaining_minor) }));
}

/**
 * Writes an EXPIRED entry for every grant past its expiry with credits left (one user, or all
 * when `userId` is null; the caller holds the users' locks), as of `asOf`.
 */
export async function expireDueGrants(tx: SqlExecutor, userId: string | null, asOf: Date): Promise<LedgerRow[]> {
  return tx.query<LedgerRow>(
    `INSERT INTO credit_ledger (user_id, kind, amount_minor, currency, consumes_entry_id, note, created_at)
     SELECT user_id, 'EXPIRED', -remaining_minor, currency, id, 'Expired ' || kind || ' credit', :asOf::timestamptz
       FROM credit_grant_remaining
      WHERE remaining_minor > 0 AND expires_at <= :asOf::timestamptz AND (:user::uuid IS NULL OR user_id = :user::uuid)
      ORDER BY user_id, expires_at, id
     ON CONFLICT DO NOTHING
     RETURNING ${LEDGER_COLUMNS}`,
    { user: userId, asOf: asOf.toISOString() },
  );
}

/**
 * Earned credits expire two years after the later of the last booking and the earning date: a
 * new booking moves the expiry of the user's live earned grants to two years after it. The
 * expiry is a property of the grant, not an amount, so the ledger's sums are untouched.
 */
export async function extendEarnedExpiry(tx: SqlExecutor, userId: string, bookedAt: Date, newExpiry: Date): Promise<void> {
  await tx.execute(
    `UPDATE credit_ledger SET expires_at = :expiry::timestamptz
      WHERE user_id = :user::uuid AND amount_minor > 0 AND kind = ANY(string_to_array(:kinds, ','))
        AND expires_at > :at::timestamptz AND expires_at < :expiry::timestamptz`,
    { user: userId, kinds: CreditRules.EARNED_KINDS.join(','), at: bookedAt.toISOString(), expiry: newExpiry.toISOString() },
  );
}

/** The user's balance: the sum of the ledger. */
export async function balanceOf(tx: SqlExecutor, userId: string): Promise<number> {
  const [row] = await tx.query<{ balance: number }>(
    'SELECT COALESCE(sum(amount_minor), 0)::bigint AS balance FROM credit_ledger WHERE user_id = :user::uuid',
    { user: userId },
  );
  return Number(row?.balance ?? 0);
}

/** A ledger row as a GraphQL CreditLedgerEntry. */
export function toLedgerEntry(row: LedgerRow) {
  return {
    id: row.id,
    kind: row.kind,
    amount: { amount: Number(row.amount_minor), currency: row.currency.trim() },
    expiresAt: row.expires_at ? isoInstant(row.expires_at) : null,
    bookingId: row.booking_id,
    note: row.note,
    createdAt: isoInstant(row.created_at),
  };
}

/** The announcement of a balance change (read inside the transaction, published after commit). */
export async function balanceChange(
  tx: SqlExecutor,
  user: Pick<UserRow, 'id' | 'cognito_sub' | 'home_currency'>,
  entries: readonly LedgerRow[],
  at: Date,
): Promise<CreditBalanceChange> {
  return {
    userId: user.cognito_sub,
    balance: { amount: await balanceOf(tx, user.id), currency: user.home_currency.trim() },
    entries: entries.map(toLedgerEntry),
    changedAt: at.toISOString(),
  };
}
