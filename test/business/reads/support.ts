/**
 * Support for the READS tests: Roam's offline server, SQL through the server's own Data API core,
 * and a fixture "cluster" of hotels whose every rate and distance the test knows.
 */
import { randomUUID } from 'node:crypto';
import { startRoamTestServer, type RoamTestServer } from '../../support/roam-server.js';

/** The server for one test file: Roam's whole API offline with a small seed. */
export function startReadsServer(options: { dbUrl?: string } = {}): Promise<RoamTestServer> {
  return startRoamTestServer({ hotels: 20, ...(options.dbUrl ? { dbUrl: options.dbUrl } : {}) });
}

/** Runs SQL (no parameters: tests build literal values they made themselves) and returns rows of plain values. */
export async function runSql(server: RoamTestServer, text: string): Promise<unknown[][]> {
  const { resourceArn, secretArn, database } = server.server.dataApi;
  const out = await server.server.dataApiCore.executeStatement({ resourceArn, secretArn, database, sql: text });
  return (out.records ?? []).map((record) =>
    record.map((field) => {
      const value = Object.values(field)[0];
      return field.isNull ? null : value;
    }),
  );
}

/** Today's date plus `days`, YYYY-MM-DD (UTC). */
export function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** One fixture hotel as the tests see it. */
export interface FixtureHotel {
  id: string;
  name: string;
  /** km north of the cluster's centre (along a meridian, so the haversine distance is exact). */
  km: number;
  stars: number;
  rating: number | null;
  amenities: string[];
  /** Room types: [sleeps 2, sleeps 4]. */
  roomTypes: { id: string; maxGuests: number; base: number }[];
}

/** The nightly rate the fixture sets: base + 100 × (days from today). */
export function fixtureRate(base: number, night: string): number {
  return base + 100 * Math.round((Date.parse(night) - Date.parse(day(0))) / 86_400_000);
}

const KM_PER_DEGREE_LAT = (Math.PI * 6371.0088) / 180;

/**
 * Creates a city of its own at (lat, lon) and `count` hotels due north of it, 1.5 km apart, with
 * varied stars, ratings and amenities, two room types each, 3 rooms a night and known rates for
 * the next 60 nights. Every hotel is in USD and in UTC.
 */
export async function createCluster(
  server: RoamTestServer,
  lat: number,
  lon: number,
  count: number,
): Promise<{ cityId: string; hotels: FixtureHotel[] }> {
  const cityId = randomUUID();
  const tag = cityId.slice(0, 8);
  await runSql(
    server,
    `INSERT INTO cities (id, name, country_code, country_name, latitude, longitude, time_zone, currency)
    VALUES ('${cityId}', 'Testville ${tag}', 'ZZ', 'Testland', ${lat}, ${lon}, 'UTC', 'USD')`,
  );
  const hotels: FixtureHotel[] = [];
  for (let i = 0; i < count; i += 1) {
    const km = 1 + 1.5 * i;
    const hotel: FixtureHotel = {
      id: randomUUID(),
      name: `Fixture ${tag} ${i}`,
      km,
      stars: 1 + (i % 5),
      rating: i % 4 === 3 ? null : 5 + ((i * 7) % 50) / 10,
      amenities: [...(i % 2 === 0 ? ['wifi'] : []), ...(i % 3 === 0 ? ['pool'] : [])],
      roomTypes: [
        { id: randomUUID(), maxGuests: 2, base: 10_000 + ((i * 3) % count) * 1_000 },
        { id: randomUUID(), maxGuests: 4, base: 25_000 + i * 500 },
      ],
    };
    hotels.push(hotel);
    const planId = randomUUID();
    await runSql(
      server,
      `INSERT INTO hotels (id, city_id, name, address, latitude, longitude, star_rating, time_zone, currency, review_score, review_count, photo_urls)
      VALUES ('${hotel.id}', '${cityId}', '${hotel.name}', '${i} Test Street', ${lat + km / KM_PER_DEGREE_LAT}, ${lon}, ${hotel.stars}, 'UTC', 'USD',
              ${hotel.rating ?? 'NULL'}, ${hotel.rating === null ? 0 : 10}, ARRAY['https://img.example.com/${hotel.id}.jpg'])`,
    );
    await runSql(
      server,
      `INSERT INTO rate_plans (id, hotel_id, code, name, free_cancellation_hours, penalty_kind)
      VALUES ('${planId}', '${hotel.id}', 'FLEX', 'Flexible rate', 48, 'FIRST_NIGHT')`,
    );
    for (const code of hotel.amenities) {
      await runSql(server, `INSERT INTO hotel_amenities (hotel_id, amenity_code) VALUES ('${hotel.id}', '${code}')`);
    }
    for (const room of hotel.roomTypes) {
      await runSql(
        server,
        `INSERT INTO room_types (id, hotel_id, rate_plan_id, name, max_guests, beds)
        VALUES ('${room.id}', '${hotel.id}', '${planId}', 'Room for ${room.maxGuests}', ${room.maxGuests}, '1 bed')`,
      );
      await runSql(
        server,
        `INSERT INTO inventory (room_type_id, night, rooms_total, rooms_sold, rate_minor, currency)
        SELECT '${room.id}', current_date + g, 3, 0, ${room.base} + 100 * g, 'USD' FROM generate_series(-2, 60) AS g`,
      );
    }
  }
  return { cityId, hotels };
}
