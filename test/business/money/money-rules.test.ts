import { describe, expect, it } from 'vitest';
import { cancellationDeadline, cancellationPenalty, policySummary } from '../../../resolvers/lambda/money/cancellation.js';
import { convertMinor, USD_RATE } from '../../../resolvers/lambda/money/currency.js';
import { addYears, earnedCreditExpiry, refundedCreditExpiry, signupCreditExpiry } from '../../../resolvers/lambda/money/expiry.js';
import { creditsToApply, priceStay } from '../../../resolvers/lambda/money/pricing.js';
import { formatInZone, todayInZone, zonedToUtc } from '../../../resolvers/lambda/money/zoned-time.js';

const JPY = { currency: 'JPY', minorDigits: 0, usdMicrosPerUnit: 6700 };
const EUR = { currency: 'EUR', minorDigits: 2, usdMicrosPerUnit: 1_080_000 };

describe('currency conversion', () => {
  it('converts exactly with the rounding asked for', () => {
    expect(convertMinor(1000, USD_RATE, JPY, 'floor')).toBe(1492);
    expect(convertMinor(1000, USD_RATE, JPY, 'ceil')).toBe(1493);
    expect(convertMinor(10_000, EUR, USD_RATE, 'floor')).toBe(10_800);
    expect(convertMinor(-1000, USD_RATE, JPY, 'floor')).toBe(-1493);
  });

  it('leaves amounts in the same currency alone', () => {
    expect(convertMinor(12_345, USD_RATE, USD_RATE, 'ceil')).toBe(12_345);
  });
});

describe('credit expiry', () => {
  const at = new Date('2026-03-10T12:00:00Z');

  it('gives earned credits two years from the later of the last booking and the earning date', () => {
    expect(earnedCreditExpiry(at, null).toISOString()).toBe('2028-03-10T12:00:00.000Z');
    expect(earnedCreditExpiry(at, new Date('2026-06-01T00:00:00Z')).toISOString()).toBe('2028-06-01T00:00:00.000Z');
    expect(earnedCreditExpiry(at, new Date('2025-01-01T00:00:00Z')).toISOString()).toBe('2028-03-10T12:00:00.000Z');
  });

  it('gives signup and promo credits 30 days from signup', () => {
    expect(signupCreditExpiry(at).toISOString()).toBe('2026-04-09T12:00:00.000Z');
  });

  it('returns refunded credits with their original expiry, or 30 days when it passed', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    expect(refundedCreditExpiry(later, at)).toEqual(later);
    expect(refundedCreditExpiry(new Date('2026-01-01T00:00:00Z'), at).toISOString()).toBe('2026-04-09T12:00:00.000Z');
  });

  it('adds calendar years in UTC', () => {
    expect(addYears(new Date('2024-02-29T10:00:00Z'), 2).toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });
});

describe('hotel clock', () => {
  it('reads wall-clock times in the hotel zone, across DST', () => {
    expect(zonedToUtc('2026-07-01', '15:00', 'Europe/Paris').toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(zonedToUtc('2026-12-01', '15:00:00', 'Europe/Paris').toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(zonedToUtc('2026-03-08', '15:00', 'America/New_York').toISOString()).toBe('2026-03-08T19:00:00.000Z');
    expect(zonedToUtc('2026-03-07', '15:00', 'America/New_York').toISOString()).toBe('2026-03-07T20:00:00.000Z');
  });

  it('formats an instant with the zone offset', () => {
    expect(formatInZone(new Date('2026-12-01T14:00:00Z'), 'Europe/Paris')).toBe('2026-12-01T15:00:00+01:00');
    expect(formatInZone(new Date('2026-07-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-06-30T20:00:00-07:00');
    expect(formatInZone(new Date('2026-07-01T03:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T08:30:00+05:30');
  });

  it('knows the hotel date', () => {
    expect(todayInZone(new Date('2026-07-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-06-30');
    expect(todayInZone(new Date('2026-07-01T03:00:00Z'), 'Asia/Tokyo')).toBe('2026-07-01');
  });
});

describe('cancellation policy', () => {
  const flexible = { freeCancellationHours: 48, penaltyKind: 'FIRST_NIGHT' as const, penaltyPercent: null };

  it('ends free cancellation the given hours before check-in on the hotel clock', () => {
    const deadline = cancellationDeadline({ checkIn: '2026-12-03', checkInTime: '15:00:00', timeZone: 'Europe/Paris', terms: flexible });
    expect(deadline?.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(policySummary(deadline, 'Europe/Paris', flexible)).toBe(
      "Free cancellation until 1 Dec 15:00 (hotel time), then the first night's rate.",
    );
  });

  it('has no deadline for a non-refundable rate', () => {
    const nonRefundable = { freeCancellationHours: null, penaltyKind: 'FULL_STAY' as const, penaltyPercent: null };
    expect(cancellationDeadline({ checkIn: '2026-12-03', checkInTime: '15:00', timeZone: 'UTC', terms: nonRefundable })).toBeNull();
    expect(policySummary(null, 'UTC', nonRefundable)).toBe('Non-refundable: cancelling keeps the whole room total.');
  });

  it('computes each penalty kind, percentages rounded down', () => {
    const rates = [10_001, 20_000, 30_000];
    expect(cancellationPenalty(flexible, rates)).toBe(10_001);
    expect(cancellationPenalty({ freeCancellationHours: 24, penaltyKind: 'PERCENT_OF_STAY', penaltyPercent: 50 }, rates)).toBe(30_000);
    expect(cancellationPenalty({ freeCancellationHours: 24, penaltyKind: 'PERCENT_OF_STAY', penaltyPercent: 33 }, rates)).toBe(19_800);
    expect(cancellationPenalty({ freeCancellationHours: null, penaltyKind: 'FULL_STAY', penaltyPercent: null }, rates)).toBe(60_001);
  });
});

describe('pricing', () => {
  it('adds taxes (rounded down) and fees to the room total', () => {
    const price = priceStay([10_001, 10_000], { taxRateBp: 1250, feePerNight: 500, feePerStay: 1_000 });
    expect(price).toMatchObject({ roomTotal: 20_001, taxes: 2_500, fees: 2_000, taxesAndFeesTotal: 4_500, total: 24_501 });
    expect(price.components.map((component) => component.name)).toEqual(['Taxes (12.5%)', 'Fee per night', 'Fee per stay']);
  });

  it('applies credits to the room total only and never more than the balance', () => {
    expect(creditsToApply(5_000, 20_000)).toBe(5_000);
    expect(creditsToApply(50_000, 20_000)).toBe(20_000);
    expect(creditsToApply(0, 20_000)).toBe(0);
  });
});
