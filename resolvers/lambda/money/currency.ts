/**
 * Conversion between currencies with the fixed rates of migration 0010 (`currency_rates`), in
 * exact integer arithmetic. The caller picks the rounding that favours the user (written next to
 * each call): e.g. the value of spent credits in the hotel's currency rounds up, a deduction from a
 * refund rounds down.
 */

/** One row of `currency_rates`. */
export interface CurrencyRate {
  readonly currency: string;
  readonly minorDigits: number;
  /** US dollars per major unit, times 1,000,000. */
  readonly usdMicrosPerUnit: number;
}

export type Rounding = 'floor' | 'ceil';

/** The USD row, for rules stated in dollars. */
export const USD_RATE: CurrencyRate = { currency: 'USD', minorDigits: 2, usdMicrosPerUnit: 1_000_000 };

/**
 * `amount` minor units of `from` in minor units of `to`.
 * @example convertMinor(1000, USD_RATE, { currency: 'JPY', minorDigits: 0, usdMicrosPerUnit: 6700 }, 'floor') // 1492
 */
export function convertMinor(amount: number, from: CurrencyRate, to: CurrencyRate, rounding: Rounding): number {
  if (from.currency === to.currency || amount === 0) return amount;
  const sign = amount < 0 ? -1n : 1n;
  const numerator = BigInt(Math.abs(amount)) * BigInt(from.usdMicrosPerUnit) * 10n ** BigInt(to.minorDigits);
  const denominator = 10n ** BigInt(from.minorDigits) * BigInt(to.usdMicrosPerUnit);
  let quotient = numerator / denominator;
  const exact = quotient * denominator === numerator;
  // Round the magnitude, then restore the sign: 'ceil' and 'floor' mean "towards more / less".
  if (!exact && (rounding === 'ceil') === sign > 0n) quotient += 1n;
  return Number(sign * quotient);
}
