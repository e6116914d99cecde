/**
 * The price of a stay from its nightly rates and the hotel's taxes and fees, and how much of it
 * credits may pay. Pure; hotel amounts in the hotel's minor units.
 */

/** The hotel's tax and fee settings (hotels columns). */
export interface HotelCharges {
  /** Basis points on the room total. */
  readonly taxRateBp: number;
  readonly feePerNight: number;
  readonly feePerStay: number;
}

export interface PriceComponentValue {
  name: string;
  amount: number;
}

export interface StayPrice {
  roomTotal: number;
  taxes: number;
  fees: number;
  components: PriceComponentValue[];
  taxesAndFeesTotal: number;
  total: number;
}

/** Room total, taxes (rounded down, in the guest's favour) and fees of a stay. */
export function priceStay(nightlyRates: readonly number[], charges: HotelCharges): StayPrice {
  const roomTotal = nightlyRates.reduce((sum, rate) => sum + rate, 0);
  const taxes = Math.floor((roomTotal * charges.taxRateBp) / 10_000);
  const nightlyFees = charges.feePerNight * nightlyRates.length;
  const components: PriceComponentValue[] = [{ name: `Taxes (${charges.taxRateBp / 100}%)`, amount: taxes }];
  if (nightlyFees > 0) components.push({ name: 'Fee per night', amount: nightlyFees });
  if (charges.feePerStay > 0) components.push({ name: 'Fee per stay', amount: charges.feePerStay });
  const fees = nightlyFees + charges.feePerStay;
  return { roomTotal, taxes, fees, components, taxesAndFeesTotal: taxes + fees, total: roomTotal + taxes + fees };
}

/**
 * Credits a booking uses: the spendable balance, up to the room total's value in the credit
 * currency (never taxes and fees). `roomTotalInCredits` is rounded up by the caller (in the
 * user's favour); the hotel-currency value of the credits is capped at the room total.
 */
export function creditsToApply(spendable: number, roomTotalInCredits: number): number {
  return Math.max(0, Math.min(spendable, roomTotalInCredits));
}
