/**
 * An app's booking journey, written once against the few calls every GraphQL client library
 * offers: search, quote, book, watch the booking's subscription, cancel. journey.test.ts runs it
 * through the Apollo Client and Amplify set-ups in client/, against the offline server.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  CancelBookingDocument,
  CitiesDocument,
  CreateBookingDocument,
  OnBookingUpdatedDocument,
  QuoteDocument,
  SearchHotelsDocument,
} from '../../client/index.js';

type Variables = Record<string, unknown>;

/** A subscription the server has acknowledged: its events, in order. */
export interface Watch<TResult> {
  next(): Promise<TResult>;
  close(): void;
}

/** What a client library's set-up gives the journey. */
export interface JourneyClient {
  query<TResult, TVariables extends Variables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  mutate<TResult, TVariables extends Variables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  /** Resolves once the server acknowledged the subscription (AppSync's start_ack), so no event is missed. */
  watch<TResult, TVariables extends Variables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<Watch<TResult>>;
}

/** Events pushed by a library's observer, taken one at a time by the journey. */
export function eventQueue<TResult>(): { push(event: TResult): void; fail(error: unknown): void; next(): Promise<TResult> } {
  const events: TResult[] = [];
  const waiting: { resolve: (event: TResult) => void; reject: (error: unknown) => void }[] = [];
  let failure: { error: unknown } | undefined;
  return {
    push(event) {
      const taker = waiting.shift();
      if (taker) taker.resolve(event);
      else events.push(event);
    },
    fail(error) {
      failure = { error };
      for (const taker of waiting.splice(0)) taker.reject(error);
    },
    next() {
      if (events.length > 0) return Promise.resolve(events.shift() as TResult);
      if (failure) return Promise.reject(failure.error);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}

export interface JourneyOptions {
  /** The signed-in user's Cognito `sub`: the booking subscription's filter. */
  userId: string;
  checkIn: string;
  checkOut: string;
  guests: number;
}

/** Runs the journey and returns what the app saw at each step. */
export async function bookingJourney(client: JourneyClient, { userId, checkIn, checkOut, guests }: JourneyOptions) {
  const { cities } = await client.query(CitiesDocument, { limit: 1 });
  const city = cities[0];
  if (!city) throw new Error('The API lists no city');
  const stay = { checkIn, checkOut, guests };
  const { searchHotels } = await client.query(SearchHotelsDocument, { input: { cityId: city.id, ...stay }, limit: 5 });
  const found = searchHotels.items[0];
  if (!found) throw new Error(`No hotel in ${city.name} for ${checkIn}..${checkOut}`);
  const { quote } = await client.query(QuoteDocument, {
    input: { hotelId: found.hotel.id, roomTypeId: found.cheapestRoomType.id, ...stay },
  });
  const watch = await client.watch(OnBookingUpdatedDocument, { userId });
  try {
    const { createBooking: booking } = await client.mutate(CreateBookingDocument, {
      input: {
        idempotencyKey: crypto.randomUUID(),
        quoteId: quote.id,
        quotedTotal: { amount: quote.total.amount, currency: quote.total.currency },
        applyCredits: false,
      },
    });
    const booked = (await watch.next()).onBookingUpdated;
    const { cancelBooking: cancelled } = await client.mutate(CancelBookingDocument, { input: { bookingId: booking.id } });
    const cancelledEvent = (await watch.next()).onBookingUpdated;
    return { city, hotel: found.hotel, quote, booking, booked, cancelled, cancelledEvent };
  } finally {
    watch.close();
  }
}
