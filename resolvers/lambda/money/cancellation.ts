/**
 * A rate plan's cancellation terms made concrete for one stay: the free-cancellation deadline on
 * the hotel's clock and the penalty after it. Pure; amounts in the hotel's minor units.
 */
import { formatInZone, zonedToUtc } from './zoned-time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type PenaltyKind = 'FIRST_NIGHT' | 'PERCENT_OF_STAY' | 'FULL_STAY';

/** The rate plan's terms (rate_plans columns). */
export interface CancellationTerms {
  readonly freeCancellationHours: number | null;
  readonly penaltyKind: PenaltyKind;
  readonly penaltyPercent: number | null;
}

/**
 * Free cancellation ends `freeCancellationHours` before check-in (the check-in date at the hotel's
 * check-in time, in the hotel's zone); null for a non-refundable rate.
 */
export function cancellationDeadline(input: {
  checkIn: string;
  checkInTime: string;
  timeZone: string;
  terms: CancellationTerms;
}): Date | null {
  if (input.terms.freeCancellationHours === null) return null;
  const checkInAt = zonedToUtc(input.checkIn, input.checkInTime, input.timeZone);
  return new Date(checkInAt.getTime() - input.terms.freeCancellationHours * 3_600_000);
}

/**
 * What the policy keeps after the deadline. PERCENT_OF_STAY rounds down (in the guest's favour).
 */
export function cancellationPenalty(terms: CancellationTerms, nightlyRates: readonly number[]): number {
  const roomTotal = nightlyRates.reduce((sum, rate) => sum + rate, 0);
  switch (terms.penaltyKind) {
    case 'FIRST_NIGHT':
      return nightlyRates[0] ?? 0;
    case 'PERCENT_OF_STAY':
      return Math.floor((roomTotal * (terms.penaltyPercent ?? 100)) / 100);
    case 'FULL_STAY':
      return roomTotal;
  }
}

/** The policy in one sentence for display. */
export function policySummary(deadline: Date | null, timeZone: string, terms: CancellationTerms): string {
  const after =
    terms.penaltyKind === 'FIRST_NIGHT'
      ? "the first night's rate"
      : terms.penaltyKind === 'FULL_STAY'
        ? 'the whole room total'
        : `${terms.penaltyPercent}% of the room total`;
  if (!deadline) return `Non-refundable: cancelling keeps ${after}.`;
  const local = formatInZone(deadline, timeZone);
  const month = MONTHS[Number(local.slice(5, 7)) - 1];
  return `Free cancellation until ${Number(local.slice(8, 10))} ${month} ${local.slice(11, 16)} (hotel time), then ${after}.`;
}
