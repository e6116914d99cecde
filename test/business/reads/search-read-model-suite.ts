/**
 * searchHotels stays right while its read models change under it: a booking and its
 * cancellation, back-office rates and closures (setRoomAvailability), and changes to hotels,
 * amenities, room types and cities. A search by price reads room types only for the hotels whose
 * lowest nightly rate (hotel_search.min_rate_for_guests) could still reach the page, so a stale
 * bound would hide a hotel: the rate cut below checks that it cannot. The hotels are a fixture
 * cluster (reads/support.ts) whose every rate is known.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCEL_BOOKING, CREATE_BOOKING, QUOTE, SET_AVAILABILITY, newUsername, type MoneyTestApi } from '../money/support.js';
import { createCluster, day, fixtureRate, runSql, type FixtureHotel } from './support.js';

const SEARCH = `query Search($input: HotelSearchInput!, $limit: Int) {
  searchHotels(input: $input, limit: $limit) {
    items { hotel { id name stars city { name } amenities { code } } cheapestRoomType { id } stayTotal { amount currency } }
    nextToken
  }
}`;

/** The read-model rules against an API from `start` (PGlite or PostgreSQL). */
export function describeSearchReadModel(engine: string, start: () => Promise<MoneyTestApi>): void {
  describe(`searchHotels read models on ${engine}`, () => {
    let api: MoneyTestApi;
    let cityId: string;
    let hotels: FixtureHotel[];
    const CENTRE = { latitude: Math.round(Math.random() * 2000 - 1000) / 100, longitude: Math.round(Math.random() * 1000 - 14000) / 100 };

    beforeAll(async () => {
      api = await start();
      ({ cityId, hotels } = await createCluster(api.roam, CENTRE.latitude, CENTRE.longitude, 12));
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    async function search(input: Record<string, unknown>, limit = 100) {
      const { body } = await api.roam.graphql(SEARCH, { input: { cityId, checkIn: day(3), checkOut: day(6), guests: 2, ...input }, limit });
      expect(body.errors).toBeUndefined();
      return body.data.searchHotels.items as any[];
    }

    const offerOf = async (hotel: FixtureHotel, input: Record<string, unknown> = {}) =>
      (await search(input)).find((item) => item.hotel.id === hotel.id);

    function stay(base: number, from = 3, to = 6): number {
      let total = 0;
      for (let g = from; g < to; g += 1) total += fixtureRate(base, day(g));
      return total;
    }

    async function setAvailability(input: Record<string, unknown>) {
      const body = await api.asIam(SET_AVAILABILITY, { input });
      expect(body.errors).toBeUndefined();
    }

    /** Rows of hotel_search that differ from the same row computed from the tables now. */
    async function staleRows(): Promise<unknown[][]> {
      return runSql(
        api.roam,
        `SELECT hs.hotel_id FROM hotel_search hs
           FULL JOIN (SELECT h.id, h.city_id, h.latitude, h.longitude, h.star_rating, h.currency, h.review_score, h.time_zone,
                             ARRAY(SELECT ha.amenity_code FROM hotel_amenities ha WHERE ha.hotel_id = h.id ORDER BY 1) AS amenity_codes,
                             hotel_search_min_rates(h.id) AS min_rate_for_guests, api_hotel_summary(h.id) AS summary
                        FROM hotels h) AS now ON now.id = hs.hotel_id
          WHERE (hs.hotel_id, hs.city_id, hs.latitude, hs.longitude, hs.star_rating, hs.currency, hs.review_score, hs.time_zone,
                 hs.amenity_codes, hs.min_rate_for_guests, hs.summary)
                IS DISTINCT FROM
                (now.id, now.city_id, now.latitude, now.longitude, now.star_rating, now.currency, now.review_score, now.time_zone,
                 now.amenity_codes, now.min_rate_for_guests, now.summary)`,
      );
    }

    it('a booking takes the last room of its nights out of the search, and its cancellation puts it back', async () => {
      const hotel = hotels[2]!;
      const [small, large] = hotel.roomTypes;
      // One room left on each night of the stay.
      await setAvailability({ roomTypeId: small!.id, firstNight: day(3), lastNight: day(5), totalRooms: 1 });
      expect((await offerOf(hotel))?.cheapestRoomType.id).toBe(small!.id);

      const user = newUsername('searcher');
      const quote = await api.asUser(user, QUOTE, {
        input: { hotelId: hotel.id, roomTypeId: small!.id, checkIn: day(3), checkOut: day(6), guests: 2 },
      });
      expect(quote.errors).toBeUndefined();
      const booked = await api.asUser(user, CREATE_BOOKING, {
        input: { idempotencyKey: randomUUID(), quoteId: quote.data.quote.id, quotedTotal: quote.data.quote.total, applyCredits: false },
      });
      expect(booked.errors).toBeUndefined();

      const during = await offerOf(hotel);
      expect(during.cheapestRoomType.id).toBe(large!.id);
      expect(during.stayTotal.amount).toBe(stay(large!.base));
      // A stay on other nights still gets the small room.
      expect((await offerOf(hotel, { checkIn: day(6), checkOut: day(8) }))?.cheapestRoomType.id).toBe(small!.id);

      const cancelled = await api.asUser(user, CANCEL_BOOKING, { input: { bookingId: booked.data.createBooking.id } });
      expect(cancelled.errors).toBeUndefined();
      const after = await offerOf(hotel);
      expect(after.cheapestRoomType.id).toBe(small!.id);
      expect(after.stayTotal.amount).toBe(stay(small!.base));
      await setAvailability({ roomTypeId: small!.id, firstNight: day(3), lastNight: day(5), totalRooms: 3 });
      expect(await staleRows()).toEqual([]);
    });

    it('a back-office rate cut brings the dearest hotel to the top of a page sorted by price, and a rise takes it back', async () => {
      // The hotel whose cheapest stay is dearest: the last by price, far past the first stage.
      const byPrice = await search({ sort: 'PRICE' });
      const dearest = hotels.find((h) => h.id === byPrice[byPrice.length - 1].hotel.id)!;
      const room = dearest.roomTypes[0]!;
      await setAvailability({ roomTypeId: room.id, firstNight: day(3), lastNight: day(5), nightlyRate: { amount: 100, currency: 'USD' } });

      const page = await search({ sort: 'PRICE' }, 2);
      expect(page[0].hotel.id).toBe(dearest.id);
      expect(page[0].cheapestRoomType.id).toBe(room.id);
      expect(page[0].stayTotal.amount).toBe(300);

      for (const g of [3, 4, 5]) {
        await setAvailability({
          roomTypeId: room.id,
          firstNight: day(g),
          lastNight: day(g),
          nightlyRate: { amount: fixtureRate(room.base, day(g)), currency: 'USD' },
        });
      }
      expect((await search({ sort: 'PRICE' })).map((item) => item.hotel.id)).toEqual(byPrice.map((item) => item.hotel.id));
      expect(await staleRows()).toEqual([]);
    });

    it('a back-office closure of one night drops the room type, and reopening it brings it back', async () => {
      const hotel = hotels[4]!;
      const [small, large] = hotel.roomTypes;
      await setAvailability({ roomTypeId: small!.id, firstNight: day(4), lastNight: day(4), totalRooms: 0 });
      expect((await offerOf(hotel))?.cheapestRoomType.id).toBe(large!.id);
      await setAvailability({ roomTypeId: large!.id, firstNight: day(5), lastNight: day(5), totalRooms: 0 });
      expect(await offerOf(hotel)).toBeUndefined();

      await setAvailability({ roomTypeId: small!.id, firstNight: day(4), lastNight: day(4), totalRooms: 3 });
      await setAvailability({ roomTypeId: large!.id, firstNight: day(5), lastNight: day(5), totalRooms: 3 });
      const back = await offerOf(hotel);
      expect(back.cheapestRoomType.id).toBe(small!.id);
      expect(back.stayTotal.amount).toBe(stay(small!.base));
    });

    it('follows changes to hotels, amenities, room types and cities', async () => {
      const hotel = hotels[6]!;
      await runSql(api.roam, `UPDATE hotels SET name = 'Renamed ${hotel.id.slice(0, 8)}', star_rating = 5 WHERE id = '${hotel.id}'`);
      await runSql(api.roam, `INSERT INTO hotel_amenities (hotel_id, amenity_code) VALUES ('${hotel.id}', 'spa')`);
      const renamed = await offerOf(hotel);
      expect(renamed.hotel.name).toBe(`Renamed ${hotel.id.slice(0, 8)}`);
      expect(renamed.hotel.stars).toBe(5);
      expect(renamed.hotel.amenities.map((a: any) => a.code)).toContain('spa');
      expect((await search({ filters: { amenities: ['spa'] } })).map((item) => item.hotel.id)).toEqual([hotel.id]);
      expect((await search({ filters: { minStars: 5 } })).map((item) => item.hotel.id)).toContain(hotel.id);

      // A room type for six, on sale for the stay: the hotel is the only one that can host six.
      const [[planId]] = (await runSql(api.roam, `SELECT rate_plan_id FROM room_types WHERE id = '${hotel.roomTypes[0]!.id}'`)) as [
        [string],
      ];
      const suite = randomUUID();
      await runSql(
        api.roam,
        `INSERT INTO room_types (id, hotel_id, rate_plan_id, name, max_guests, beds) VALUES ('${suite}', '${hotel.id}', '${planId}', 'Suite', 6, '3 beds')`,
      );
      expect(await search({ guests: 6 })).toEqual([]);
      await setAvailability({
        roomTypeId: suite,
        firstNight: day(0),
        lastNight: day(10),
        totalRooms: 1,
        nightlyRate: { amount: 50_000, currency: 'USD' },
      });
      const six = await search({ guests: 6 });
      expect(six.map((item) => [item.hotel.id, item.cheapestRoomType.id, item.stayTotal.amount])).toEqual([[hotel.id, suite, 150_000]]);

      await runSql(api.roam, `UPDATE cities SET name = 'Renamed city ${cityId.slice(0, 8)}' WHERE id = '${cityId}'`);
      expect((await offerOf(hotel)).hotel.city.name).toBe(`Renamed city ${cityId.slice(0, 8)}`);

      await runSql(api.roam, `DELETE FROM room_types WHERE id = '${suite}'`);
      expect(await search({ guests: 6 })).toEqual([]);
      await runSql(api.roam, `DELETE FROM hotel_amenities WHERE hotel_id = '${hotel.id}' AND amenity_code = 'spa'`);
      expect(await search({ filters: { amenities: ['spa'] } })).toEqual([]);
      expect(await staleRows()).toEqual([]);
    });
  });
}
