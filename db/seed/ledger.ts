/**
 * A small in-memory credit ledger the seed uses to write a consistent history: grants, spending
 * soonest-expiring first, expiry, refunds and cashback reversal, every step an entry. The rows it
 * produces obey the credit_ledger constraints; the balance is always the sum of the rows.
 * (The real rules run in the booking resolvers; this only has to produce believable history.)
 */
export type LedgerKind =
  | 'CASHBACK_EARNED'
  | 'PROMO'
  | 'REFERRAL_SIGNUP'
  | 'REFERRAL_REWARD'
  | 'REFUND_OF_SPENT'
  | 'SPENT'
  | 'CASHBACK_REVERSAL'
  | 'EXPIRED'
  | 'ADJUSTMENT';

export interface LedgerRow {
  id: string;
  user_id: string;
  kind: LedgerKind;
  amount_minor: number;
  currency: string;
  expires_at: string | null;
  booking_id: string | null;
  consumes_entry_id: string | null;
  referral_redemption_id: string | null;
  note: string | null;
  created_at: string;
}

interface Grant {
  row: LedgerRow;
  remaining: number;
}

interface Refs {
  bookingId?: string;
  consumesEntryId?: string;
  referralRedemptionId?: string;
  note?: string;
}

/** Kinds whose expiry moves with the user's latest booking ("earned" credits). */
const EARNED: readonly LedgerKind[] = ['CASHBACK_EARNED', 'REFERRAL_REWARD'];

export class CreditBook {
  readonly rows: LedgerRow[] = [];
  private readonly grants = new Map<string, Grant[]>();

  constructor(
    private readonly newId: () => string,
    private readonly currency: string,
  ) {}

  /** Posts a grant (a positive entry that expires). */
  grant(userId: string, kind: LedgerKind, amount: number, at: string, expiresAt: string, refs: Refs = {}): LedgerRow {
    const row = this.entry(userId, kind, amount, at, expiresAt, refs);
    this.userGrants(userId).push({ row, remaining: amount });
    return row;
  }

  /** The balance at `at` (after expiring what is due). */
  balance(userId: string, at: string): number {
    this.expireUntil(at);
    return this.userGrants(userId).reduce((sum, grant) => sum + grant.remaining, 0);
  }

  /** Writes an EXPIRED entry for every grant whose expiry is at or before `at` and that has a remainder. */
  expireUntil(at: string): void {
    const due = [...this.grants.values()]
      .flat()
      .filter((grant) => grant.remaining > 0 && (grant.row.expires_at as string) <= at)
      .sort((a, b) => (a.row.expires_at as string).localeCompare(b.row.expires_at as string));
    for (const grant of due) {
      this.entry(grant.row.user_id, 'EXPIRED', -grant.remaining, grant.row.expires_at as string, null, { consumesEntryId: grant.row.id });
      grant.remaining = 0;
    }
  }

  /** Spends `amount`, soonest-expiring grants first; returns the SPENT entries. */
  spend(userId: string, amount: number, at: string, bookingId: string): LedgerRow[] {
    this.expireUntil(at);
    const open = this.userGrants(userId)
      .filter((grant) => grant.remaining > 0)
      .sort((a, b) => (a.row.expires_at as string).localeCompare(b.row.expires_at as string) || a.row.id.localeCompare(b.row.id));
    const spent: LedgerRow[] = [];
    let left = amount;
    for (const grant of open) {
      if (left === 0) break;
      const take = Math.min(left, grant.remaining);
      grant.remaining -= take;
      left -= take;
      spent.push(this.entry(userId, 'SPENT', -take, at, null, { bookingId, consumesEntryId: grant.row.id }));
    }
    if (left > 0) throw new Error(`seed scenario overspends ${userId}'s credits by ${left}`);
    return spent;
  }

  /** Gives back a SPENT entry: same expiry as its grant, or 30 days from `at` if that has passed. */
  refundSpent(spent: LedgerRow, at: string, thirtyDaysLater: string): LedgerRow {
    const source = this.userGrants(spent.user_id).find((grant) => grant.row.id === spent.consumes_entry_id);
    const original = source?.row.expires_at ?? thirtyDaysLater;
    const expiresAt = original > at ? original : thirtyDaysLater;
    return this.grant(spent.user_id, 'REFUND_OF_SPENT', -spent.amount_minor, at, expiresAt, {
      bookingId: spent.booking_id ?? undefined,
      consumesEntryId: spent.id,
    });
  }

  /** Reverses what is left of a cashback grant; returns the amount it could take back. */
  reverseCashback(cashback: LedgerRow, at: string): number {
    const grant = this.userGrants(cashback.user_id).find((candidate) => candidate.row.id === cashback.id);
    const take = Math.min(grant?.remaining ?? 0, cashback.amount_minor);
    if (grant && take > 0) {
      grant.remaining -= take;
      this.entry(cashback.user_id, 'CASHBACK_REVERSAL', -take, at, null, {
        bookingId: cashback.booking_id ?? undefined,
        consumesEntryId: cashback.id,
      });
    }
    return take;
  }

  /** Earned credits expire two years after the later of the last booking and the earning date. */
  extendEarned(userId: string, at: string, expiresAt: string): void {
    for (const grant of this.userGrants(userId)) {
      const current = grant.row.expires_at as string;
      if (EARNED.includes(grant.row.kind) && current > at && current < expiresAt) grant.row.expires_at = expiresAt;
    }
  }

  private entry(userId: string, kind: LedgerKind, amount: number, at: string, expiresAt: string | null, refs: Refs): LedgerRow {
    const row: LedgerRow = {
      id: this.newId(),
      user_id: userId,
      kind,
      amount_minor: amount,
      currency: this.currency,
      expires_at: expiresAt,
      booking_id: refs.bookingId ?? null,
      consumes_entry_id: refs.consumesEntryId ?? null,
      referral_redemption_id: refs.referralRedemptionId ?? null,
      note: refs.note ?? null,
      created_at: at,
    };
    this.rows.push(row);
    return row;
  }

  private userGrants(userId: string): Grant[] {
    let list = this.grants.get(userId);
    if (!list) this.grants.set(userId, (list = []));
    return list;
  }
}
