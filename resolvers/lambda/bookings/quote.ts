/** Query.quote: price a stay for the caller, read-only. */
import type { FieldHandler } from '../shared/handler.js';
import { requireUser } from '../shared/handler.js';
import { NotFoundError } from '../shared/errors.js';
import { readUser } from './user.js';
import { toHotel, toRoomType } from './catalogue.js';
import { priceOffer, toPolicy } from './offer.js';
import { encodeQuoteId } from './quote-id.js';
import { loadStay, type StayRequest } from './stay.js';

/** Serves Query.quote. */
export const quote: FieldHandler<'Query.quote'> = async (event, { db, now }) => {
  const caller = requireUser(event);
  const input: StayRequest = event.arguments.input;
  const at = now();
  const user = await readUser(db, caller.id);
  if (!user) throw new NotFoundError('No such user');
  const stay = await loadStay(db, input, at);
  const offer = await priceOffer(db, stay, user, at);
  const hotelMoney = (amount: number) => ({ amount, currency: offer.hotelCurrency });
  const creditMoney = (amount: number) => ({ amount, currency: offer.creditCurrency });
  return {
    id: encodeQuoteId(input),
    hotel: toHotel(stay.catalogue),
    roomType: toRoomType(stay.catalogue),
    checkIn: input.checkIn,
    checkOut: input.checkOut,
    nights: stay.nights.length,
    guests: input.guests,
    nightlyRates: stay.nights.map((night) => ({ date: night.date, rate: hotelMoney(night.rate) })),
    roomTotal: hotelMoney(offer.price.roomTotal),
    taxesAndFees: offer.price.components.map((component) => ({ name: component.name, amount: hotelMoney(component.amount) })),
    taxesAndFeesTotal: hotelMoney(offer.price.taxesAndFeesTotal),
    total: hotelMoney(offer.price.total),
    creditsAvailable: creditMoney(offer.creditsAvailable),
    creditsApplicable: creditMoney(offer.creditsApplicable),
    totalWithCredits: hotelMoney(offer.price.total - offer.creditsValue),
    cashbackEarned: creditMoney(offer.cashback),
    cancellationPolicy: toPolicy(offer.deadline, stay.catalogue.time_zone, offer.penalty, offer.hotelCurrency, offer.summary),
  };
};
