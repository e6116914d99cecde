/**
 * The search's per-hotel read model (hotel_search) stays equal to what the tables say when two
 * transactions change the rates of two room types of one hotel at once: the second refresh waits
 * for the first to commit and then reads its change, instead of writing its own older view over it
 * (a lowest rate that is too high would hide the hotel from a search by price).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate/index.js';
import { seed } from '../../db/seed/index.js';
import { postgresTarget, query, type TestTarget } from './targets.js';

const START = '2026-03-02';

describe('hotel_search on PostgreSQL', () => {
  let db: TestTarget;
  beforeAll(async () => {
    db = await postgresTarget();
    await migrate(db.target);
    await seed(db.target, { hotels: 3, seed: 'hotel-search-tests', startDate: START, days: 60 });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('keeps both rate cuts when two transactions change two room types of one hotel at once', async () => {
    const [[hotelId, first, second]] = (await query(
      db.target,
      `SELECT hotel_id, (array_agg(id ORDER BY id))[1], (array_agg(id ORDER BY id))[2]
         FROM room_types WHERE max_guests >= 2 GROUP BY hotel_id HAVING count(*) >= 2 ORDER BY hotel_id LIMIT 1`,
    )) as [[string, string, string]];
    const arns = { resourceArn: db.target.resourceArn, secretArn: db.target.secretArn };
    const api = db.target.api;
    const one = await api.beginTransaction(arns);
    const two = await api.beginTransaction(arns);

    // The first cuts one night of one room type to 7 and does not commit yet.
    await api.executeStatement({
      ...arns,
      transactionId: one.transactionId,
      sql: `UPDATE inventory SET rate_minor = 7 WHERE room_type_id = '${first}' AND night = DATE '${START}' + 10`,
    });
    // The second cuts another room type of the same hotel to 9 meanwhile; its refresh must wait.
    const cutting = api.executeStatement({
      ...arns,
      transactionId: two.transactionId,
      sql: `UPDATE inventory SET rate_minor = 9 WHERE room_type_id = '${second}' AND night = DATE '${START}' + 20`,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.commitTransaction({ ...arns, transactionId: one.transactionId as string });
    await cutting;
    await api.commitTransaction({ ...arns, transactionId: two.transactionId as string });

    const [[stored, truth]] = (await query(
      db.target,
      `SELECT array_to_json(min_rate_for_guests)::text, array_to_json(hotel_search_min_rates(hotel_id))::text
         FROM hotel_search WHERE hotel_id = '${hotelId}'`,
    )) as [[string, string]];
    expect(stored).toBe(truth);
    expect(JSON.parse(stored)[1]).toBe(7);
  }, 60_000);
});
