/**
 * Catalogue reads through /graphql with the API key (signed-out browsing): searchHotels rules,
 * hotel details and availability, cities. The hotels searched are a fixture cluster in the
 * open Pacific (no seeded hotel is near), so every expected rate and distance is known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoamTestServer } from '../../support/roam-server.js';
import { createCluster, day, fixtureRate, runSql, type FixtureHotel } from './support.js';

const SEARCH = `query Search($input: HotelSearchInput!, $limit: Int, $nextToken: String) {
  searchHotels(input: $input, limit: $limit, nextToken: $nextToken) {
    items { hotel { id name stars rating timeZone amenities { code } } cheapestRoomType { id maxGuests } stayTotal { amount currency } distanceKm }
    nextToken
  }
}`;

/**
 * The catalogue rules against a server from `start` (PGlite in catalogue.test.ts, PostgreSQL in
 * catalogue.pg.test.ts). Each run makes its own city, so runs on one database do not collide.
 */
export function describeCatalogue(engine: string, start: () => Promise<RoamTestServer>): void {
  describe(`catalogue reads on ${engine}`, () => {
    let server: RoamTestServer;
    let cityId: string;
    let hotels: FixtureHotel[];
    // Open Pacific, far from every seeded city; random so runs on one database never overlap.
    const CENTRE = { latitude: Math.round(Math.random() * 2000 - 1000) / 100, longitude: Math.round(Math.random() * 1000 - 14000) / 100 };

    beforeAll(async () => {
      server = await start();
      ({ cityId, hotels } = await createCluster(server, CENTRE.latitude, CENTRE.longitude, 12));
    }, 180_000);
    afterAll(async () => {
      await server?.close();
    });

    async function search(input: Record<string, unknown>, limit?: number, nextToken?: string | null) {
      const { body } = await server.graphql(SEARCH, {
        input: { checkIn: day(3), checkOut: day(6), guests: 2, ...input },
        limit,
        nextToken,
      });
      return body;
    }

    function stay(base: number, from: number, to: number): number {
      let total = 0;
      for (let g = from; g < to; g += 1) total += fixtureRate(base, day(g));
      return total;
    }

    /** The cheapest room type of a fixture hotel that sleeps `guests`, for nights [from, to). */
    function cheapest(hotel: FixtureHotel, guests: number, from = 3, to = 6) {
      const fits = hotel.roomTypes.filter((room) => room.maxGuests >= guests);
      return fits
        .map((room) => ({ id: room.id, total: stay(room.base, from, to) }))
        .sort((a, b) => a.total - b.total || a.id.localeCompare(b.id))[0]!;
    }

    async function walk(input: Record<string, unknown>, limit: number): Promise<string[]> {
      const ids: string[] = [];
      let token: string | null = null;
      do {
        const body: any = await search(input, limit, token);
        expect(body.errors).toBeUndefined();
        expect(body.data.searchHotels.items.length).toBeLessThanOrEqual(limit);
        ids.push(...body.data.searchHotels.items.map((item: any) => item.hotel.id));
        token = body.data.searchHotels.nextToken;
      } while (token);
      return ids;
    }

    describe('searchHotels', () => {
      it('finds every hotel of a city with its cheapest room type and the sum of its nightly rates', async () => {
        const body = await search({ cityId }, 100);
        expect(body.errors).toBeUndefined();
        const items = body.data.searchHotels.items;
        expect(items.map((item: any) => item.hotel.id).sort()).toEqual(hotels.map((h) => h.id).sort());
        for (const item of items) {
          const hotel = hotels.find((h) => h.id === item.hotel.id)!;
          const expected = cheapest(hotel, 2);
          expect(item.cheapestRoomType.id).toBe(expected.id);
          expect(item.stayTotal).toEqual({ amount: expected.total, currency: 'USD' });
          expect(item.hotel.timeZone).toBe('UTC');
        }
        expect(body.data.searchHotels.nextToken).toBeNull();
      });

      it('offers only room types that sleep the guests', async () => {
        const body = await search({ cityId, guests: 3 }, 100);
        for (const item of body.data.searchHotels.items) {
          expect(item.cheapestRoomType.maxGuests).toBeGreaterThanOrEqual(3);
          expect(item.stayTotal.amount).toBe(
            cheapest(
              hotels.find((h) => h.id === item.hotel.id)!,
              3,
            ).total,
          );
        }
        expect((await search({ cityId, guests: 5 }, 100)).data.searchHotels.items).toEqual([]);
      });

      it('orders by distance from the city centre by default, with the haversine distance', async () => {
        const items = (await search({ cityId }, 100)).data.searchHotels.items;
        const expected = [...hotels].sort((a, b) => a.km - b.km);
        expect(items.map((item: any) => item.hotel.id)).toEqual(expected.map((h) => h.id));
        items.forEach((item: any, i: number) => expect(item.distanceKm).toBeCloseTo(expected[i]!.km, 2));
      });

      it('searches near a point within the radius only', async () => {
        const body = await search({ near: { location: CENTRE, radiusKm: 10.5 } }, 100);
        expect(body.errors).toBeUndefined();
        const expected = hotels.filter((h) => h.km <= 10.5).sort((a, b) => a.km - b.km);
        expect(expected.length).toBeGreaterThan(2);
        expect(body.data.searchHotels.items.map((item: any) => item.hotel.id)).toEqual(expected.map((h) => h.id));
      });

      it('sorts by price, cheapest stay first, ties by hotel id', async () => {
        const items = (await search({ cityId, sort: 'PRICE' }, 100)).data.searchHotels.items;
        const expected = [...hotels]
          .map((h) => ({ id: h.id, total: cheapest(h, 2).total }))
          .sort((a, b) => a.total - b.total || a.id.localeCompare(b.id));
        expect(items.map((item: any) => item.hotel.id)).toEqual(expected.map((e) => e.id));
      });

      it('sorts by rating, best first and unrated hotels last', async () => {
        const items = (await search({ cityId, sort: 'RATING' }, 100)).data.searchHotels.items;
        const ratings = items.map((item: any) => item.hotel.rating);
        const rated = ratings.filter((r: number | null) => r !== null);
        expect(rated).toEqual([...rated].sort((a, b) => b - a));
        expect(ratings.slice(rated.length).every((r: number | null) => r === null)).toBe(true);
        expect(ratings.length).toBe(hotels.length);
      });

      it('filters by minimum stars, by every amenity given, and by nightly price range', async () => {
        const stars = (await search({ cityId, filters: { minStars: 4 } }, 100)).data.searchHotels.items;
        expect(stars.map((i: any) => i.hotel.id).sort()).toEqual(
          hotels
            .filter((h) => h.stars >= 4)
            .map((h) => h.id)
            .sort(),
        );

        const both = (await search({ cityId, filters: { amenities: ['wifi', 'pool'] } }, 100)).data.searchHotels.items;
        expect(both.map((i: any) => i.hotel.id).sort()).toEqual(
          hotels
            .filter((h) => h.amenities.length === 2)
            .map((h) => h.id)
            .sort(),
        );

        const totals = hotels.map((h) => ({ id: h.id, total: cheapest(h, 2).total }));
        const [low, high] = [13_000, 17_000];
        const priced = (await search({ cityId, filters: { price: { currency: 'USD', minPerNight: low, maxPerNight: high } } }, 100)).data
          .searchHotels.items;
        const expected = totals
          .filter((t) => t.total >= low * 3 && t.total <= high * 3)
          .map((t) => t.id)
          .sort();
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(hotels.length);
        expect(priced.map((i: any) => i.hotel.id).sort()).toEqual(expected);

        const euros = await search({ cityId, filters: { price: { currency: 'EUR', maxPerNight: 1_000_000 } } }, 100);
        expect(euros.data.searchHotels.items).toEqual([]);
      });

      it('pages with nextToken without repeating or skipping a hotel, for every sort', async () => {
        for (const sort of ['DISTANCE', 'PRICE', 'RATING']) {
          const all = (await search({ cityId, sort }, 100)).data.searchHotels.items.map((i: any) => i.hotel.id);
          const paged = await walk({ cityId, sort }, 5);
          expect(paged).toEqual(all);
          expect(new Set(paged).size).toBe(hotels.length);
        }
      });

      it('keeps a room type only when it has a room left on every night of the stay', async () => {
        const hotel = hotels[5]!;
        const [small, large] = hotel.roomTypes;
        const before = (await search({ cityId }, 100)).data.searchHotels.items.find((i: any) => i.hotel.id === hotel.id);
        expect(before.cheapestRoomType.id).toBe(small!.id);

        // The middle night of the stay sells out for the small room: the large one is offered instead.
        await runSql(server, `UPDATE inventory SET rooms_sold = rooms_total WHERE room_type_id = '${small!.id}' AND night = '${day(4)}'`);
        const after = (await search({ cityId }, 100)).data.searchHotels.items.find((i: any) => i.hotel.id === hotel.id);
        expect(after.cheapestRoomType.id).toBe(large!.id);
        expect(after.stayTotal.amount).toBe(stay(large!.base, 3, 6));
        // A stay that avoids that night still gets the small room.
        const other = (await search({ cityId, checkIn: day(5), checkOut: day(7) }, 100)).data.searchHotels.items.find(
          (i: any) => i.hotel.id === hotel.id,
        );
        expect(other.cheapestRoomType.id).toBe(small!.id);

        // The last night sells out for the large room too: the hotel drops out of the search.
        await runSql(server, `UPDATE inventory SET rooms_sold = rooms_total WHERE room_type_id = '${large!.id}' AND night = '${day(5)}'`);
        const gone = (await search({ cityId }, 100)).data.searchHotels.items.map((i: any) => i.hotel.id);
        expect(gone).not.toContain(hotel.id);
        expect(gone.length).toBe(hotels.length - 1);
        await runSql(server, `UPDATE inventory SET rooms_sold = 0 WHERE room_type_id IN ('${small!.id}', '${large!.id}')`);
      });

      it('prices a stay at the rates of the moment: a rate changed on one night changes the total by the difference', async () => {
        const hotel = hotels[9]!;
        const room = cheapest(hotel, 2);
        const night = day(4);
        const raise = 12_300;
        await runSql(
          server,
          `UPDATE inventory SET rate_minor = rate_minor + ${raise} WHERE room_type_id = '${room.id}' AND night = '${night}'`,
        );
        const raised = (await search({ cityId, guests: 2 }, 100)).data.searchHotels.items.find((i: any) => i.hotel.id === hotel.id);
        await runSql(
          server,
          `UPDATE inventory SET rate_minor = rate_minor - ${raise} WHERE room_type_id = '${room.id}' AND night = '${night}'`,
        );
        const back = (await search({ cityId, guests: 2 }, 100)).data.searchHotels.items.find((i: any) => i.hotel.id === hotel.id);

        const others = hotel.roomTypes.filter((r) => r.id !== room.id && r.maxGuests >= 2).map((r) => stay(r.base, 3, 6));
        expect(raised.stayTotal.amount).toBe(Math.min(room.total + raise, ...others));
        expect(back.stayTotal.amount).toBe(room.total);
      });

      it("returns the hotels' room types when the selection asks for them", async () => {
        const { body } = await server.graphql(
          `query($input: HotelSearchInput!) { searchHotels(input: $input, limit: 100) { items { hotel { id roomTypes { id } } } } }`,
          { input: { cityId, checkIn: day(3), checkOut: day(6), guests: 2 } },
        );
        expect(body.errors).toBeUndefined();
        for (const item of body.data.searchHotels.items) {
          const hotel = hotels.find((h) => h.id === item.hotel.id)!;
          expect(item.hotel.roomTypes.map((r: any) => r.id).sort()).toEqual(hotel.roomTypes.map((r) => r.id).sort());
        }
      });

      it('drops a room type with a night that has no inventory row (not on sale)', async () => {
        const hotel = hotels[7]!;
        await runSql(
          server,
          `UPDATE inventory SET rooms_total = 0 WHERE room_type_id = '${hotel.roomTypes[1]!.id}' AND night = '${day(4)}'`,
        );
        await runSql(server, `DELETE FROM inventory WHERE room_type_id = '${hotel.roomTypes[0]!.id}' AND night = '${day(3)}'`);
        const ids = (await search({ cityId }, 100)).data.searchHotels.items.map((i: any) => i.hotel.id);
        expect(ids).not.toContain(hotel.id);
        await runSql(
          server,
          `INSERT INTO inventory (room_type_id, night, rooms_total, rooms_sold, rate_minor, currency)
          VALUES ('${hotel.roomTypes[0]!.id}', '${day(3)}', 3, 0, ${fixtureRate(hotel.roomTypes[0]!.base, day(3))}, 'USD')`,
        );
        await runSql(server, `UPDATE inventory SET rooms_total = 3 WHERE room_type_id = '${hotel.roomTypes[1]!.id}'`);
      });

      const invalid: [string, Record<string, unknown>, number | undefined, RegExp][] = [
        [
          'checkOut equal to checkIn',
          { cityId: 'CITY', checkIn: day(3), checkOut: day(3) },
          undefined,
          /checkOut .* must be after checkIn/,
        ],
        ['checkOut before checkIn', { cityId: 'CITY', checkIn: day(5), checkOut: day(3) }, undefined, /must be after checkIn/],
        ['check-in in the past', { cityId: 'CITY', checkIn: day(-2), checkOut: day(1) }, undefined, /in the past: it is already .* in UTC/],
        ['check-in in the past near a point', { near: { location: CENTRE }, checkIn: day(-2), checkOut: day(1) }, undefined, /in the past/],
        ['more than 30 nights', { cityId: 'CITY', checkIn: day(1), checkOut: day(32) }, undefined, /at most 30 nights \(got 31\)/],
        ['both near and cityId', { cityId: 'CITY', near: { location: CENTRE } }, undefined, /exactly one of near and cityId/],
        ['neither near nor cityId', {}, undefined, /exactly one of near and cityId/],
        ['no guests', { cityId: 'CITY', guests: 0 }, undefined, /guests must be at least 1/],
        ['a radius over 200 km', { near: { location: CENTRE, radiusKm: 201 } }, undefined, /radiusKm/],
        ['limit over 100', { cityId: 'CITY' }, 101, /limit must be from 1 to 100/],
        ['stars out of range', { cityId: 'CITY', filters: { minStars: 6 } }, undefined, /minStars/],
      ];
      it.each(invalid)('refuses %s with a ValidationError', async (_name, input, limit, message) => {
        const resolved = JSON.parse(JSON.stringify(input).replace('"CITY"', JSON.stringify(cityId)));
        const body = await search(resolved, limit);
        expect(body.data).toBeNull();
        expect(body.errors[0].errorType).toBe('ValidationError');
        expect(body.errors[0].message).toMatch(message);
      });

      it('a 30-night stay is fine', async () => {
        const body = await search({ cityId, checkIn: day(1), checkOut: day(31) }, 1);
        expect(body.errors).toBeUndefined();
        expect(body.data.searchHotels.items).toHaveLength(1);
      });

      it('refuses a nextToken from another search or one it did not issue', async () => {
        const first = await search({ cityId }, 2);
        const token = first.data.searchHotels.nextToken;
        expect(token).toEqual(expect.any(String));
        for (const [input, bad] of [
          [{ cityId, sort: 'PRICE' }, token],
          [{ cityId, guests: 3 }, token],
          [{ cityId }, 'not-a-token'],
          [{ cityId }, Buffer.from('v1|x|y|z').toString('base64')],
        ]) {
          const body = await search(input as Record<string, unknown>, 2, bad as string);
          expect(body.errors[0].errorType).toBe('ValidationError');
          expect(body.errors[0].message).toMatch(/nextToken/);
        }
      });

      it('answers NotFound for an unknown city', async () => {
        for (const id of ['00000000-0000-4000-8000-000000000000', 'paris']) {
          const body = await search({ cityId: id });
          expect(body.errors[0].errorType).toBe('NotFound');
        }
      });
    });

    describe('hotel and availability', () => {
      const DETAILS = `query($id: ID!, $checkIn: AWSDate!, $checkOut: AWSDate!, $guests: Int!) {
        hotel(id: $id) {
          id name timeZone currency checkInTime city { id name timeZone } photos { url caption } amenities { code name }
          roomTypes { id hotelId maxGuests mealPlan cancellationTerms { freeCancellationHours penaltyKind penaltyPercent } }
          availability(checkIn: $checkIn, checkOut: $checkOut, guests: $guests) {
            roomType { id } bookable roomsLeft nights { date roomsLeft rate { amount currency } } stayTotal { amount currency }
          }
        }
      }`;

      it('returns the hotel with its city, photos, amenities and room types, cheapest first', async () => {
        const hotel = hotels[2]!;
        const { body } = await server.graphql(DETAILS, { id: hotel.id, checkIn: day(2), checkOut: day(4), guests: 1 });
        expect(body.errors).toBeUndefined();
        const h = body.data.hotel;
        expect(h).toMatchObject({
          id: hotel.id,
          name: hotel.name,
          timeZone: 'UTC',
          currency: 'USD',
          checkInTime: '15:00:00',
          city: { id: cityId, timeZone: 'UTC' },
        });
        expect(h.photos).toEqual([{ url: `https://img.example.com/${hotel.id}.jpg`, caption: null }]);
        expect(h.amenities.map((a: any) => a.code).sort()).toEqual([...hotel.amenities].sort());
        expect(h.roomTypes.map((r: any) => r.id)).toEqual(hotel.roomTypes.map((r) => r.id));
        expect(h.roomTypes[0]).toMatchObject({
          hotelId: hotel.id,
          mealPlan: 'ROOM_ONLY',
          cancellationTerms: { freeCancellationHours: 48, penaltyKind: 'FIRST_NIGHT', penaltyPercent: null },
        });
      });

      it('gives each night its rooms left and rate, and the stay total when bookable for the guests', async () => {
        const hotel = hotels[3]!;
        const [small, large] = hotel.roomTypes;
        await runSql(server, `UPDATE inventory SET rooms_sold = 2 WHERE room_type_id = '${large!.id}' AND night = '${day(3)}'`);
        const { body } = await server.graphql(DETAILS, { id: hotel.id, checkIn: day(2), checkOut: day(5), guests: 3 });
        expect(body.errors).toBeUndefined();
        const [a, b] = body.data.hotel.availability;
        expect(a).toMatchObject({ roomType: { id: small!.id }, bookable: false, roomsLeft: 3, stayTotal: null });
        expect(b.roomType.id).toBe(large!.id);
        expect(b.bookable).toBe(true);
        expect(b.roomsLeft).toBe(1);
        expect(b.nights).toEqual(
          [2, 3, 4].map((g) => ({
            date: day(g),
            roomsLeft: g === 3 ? 1 : 3,
            rate: { amount: fixtureRate(large!.base, day(g)), currency: 'USD' },
          })),
        );
        expect(b.stayTotal).toEqual({ amount: stay(large!.base, 2, 5), currency: 'USD' });

        await runSql(server, `UPDATE inventory SET rooms_sold = 3 WHERE room_type_id = '${large!.id}' AND night = '${day(3)}'`);
        const soldOut = (await server.graphql(DETAILS, { id: hotel.id, checkIn: day(2), checkOut: day(5), guests: 3 })).body.data.hotel
          .availability[1];
        expect(soldOut).toMatchObject({ bookable: false, roomsLeft: 0, stayTotal: null });
        expect(soldOut.nights[1].roomsLeft).toBe(0);
      });

      it('validates the stay of availability', async () => {
        const { body } = await server.graphql(DETAILS, { id: hotels[0]!.id, checkIn: day(-1), checkOut: day(2), guests: 1 });
        expect(body.errors[0]).toMatchObject({ errorType: 'ValidationError', path: ['hotel', 'availability'] });
        const long = await server.graphql(DETAILS, { id: hotels[0]!.id, checkIn: day(1), checkOut: day(40), guests: 1 });
        expect(long.body.errors[0].errorType).toBe('ValidationError');
      });

      it('is null for an unknown or malformed id', async () => {
        for (const id of ['00000000-0000-4000-8000-000000000000', 'hotel-1']) {
          const { body } = await server.graphql('query($id: ID!) { hotel(id: $id) { id } }', { id });
          expect(body).toEqual({ data: { hotel: null } });
        }
      });
    });

    describe('cities', () => {
      it('finds cities by case-insensitive name prefix', async () => {
        const { body } = await server.graphql(
          '{ cities(nameStartsWith: "testVILLE") { id name countryCode timeZone location { latitude longitude } } }',
        );
        expect(body.data.cities).toContainEqual(
          expect.objectContaining({ id: cityId, countryCode: 'ZZ', timeZone: 'UTC', location: CENTRE }),
        );
        expect(body.data.cities.every((c: any) => c.name.startsWith('Testville'))).toBe(true);
      });

      it('lists the cities with most hotels first, up to the limit', async () => {
        const { body } = await server.graphql('{ cities(limit: 100) { id } }');
        const counts = new Map(
          (await runSql(server, 'SELECT c.id, count(h.id) FROM cities c LEFT JOIN hotels h ON h.city_id = c.id GROUP BY c.id')).map(
            ([id, n]) => [id, Number(n)],
          ),
        );
        const listed = body.data.cities.map((c: any) => counts.get(c.id));
        expect(listed).toEqual([...listed].sort((a, b) => b - a));
        expect(body.data.cities.map((c: any) => c.id)).toContain(cityId);
        expect((await server.graphql('{ cities(limit: 3) { id } }')).body.data.cities).toHaveLength(3);
        const bad = await server.graphql('{ cities(limit: 0) { id } }');
        expect(bad.body.errors[0].errorType).toBe('ValidationError');
      });
    });

    describe('API key', () => {
      it('may search but may not read bookings, lists or the account', async () => {
        for (const query of [
          '{ booking(id: "00000000-0000-4000-8000-000000000000") { id } }',
          '{ myBookings { items { id } } }',
          '{ myLists { id } }',
          '{ me { id } }',
        ]) {
          const { body } = await server.graphql(query);
          expect(body.errors?.[0]?.errorType).toBe('Unauthorized');
        }
      });
    });
  });
}
