/**
 * The search read model (room_type_calendar) stays equal to what inventory says when two
 * transactions change the same room type at once: the second refresh waits for the first to commit
 * and then reads its change, instead of writing its own older view over it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate/index.js';
import { seed } from '../../db/seed/index.js';
import { postgresTarget, query, type TestTarget } from './targets.js';

const START = '2026-03-02';

describe('room_type_calendar on PostgreSQL', () => {
  let db: TestTarget;
  beforeAll(async () => {
    db = await postgresTarget();
    await migrate(db.target);
    await seed(db.target, { hotels: 3, seed: 'calendar-tests', startDate: START, days: 60 });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  /** The calendar row of a room type next to the same figures computed from inventory now. */
  async function calendarAndTruth(roomTypeId: string) {
    const [row] = await query(
      db.target,
      `SELECT array_to_json(rate_before)::text, array_to_json(next_closed)::text FROM room_type_calendar WHERE room_type_id = '${roomTypeId}'`,
    );
    const [truth] = await query(
      db.target,
      `SELECT array_to_json(array_agg(before ORDER BY k))::text, array_to_json(array_agg(COALESCE(closed, 60) ORDER BY k))::text
         FROM (SELECT k, (SELECT COALESCE(sum(rate_minor), 0) FROM inventory WHERE room_type_id = '${roomTypeId}' AND night < DATE '${START}' + k) AS before,
                      (SELECT min(night - DATE '${START}') FROM inventory WHERE room_type_id = '${roomTypeId}' AND night >= DATE '${START}' + k
                          AND rooms_sold >= rooms_total) AS closed
                 FROM generate_series(0, 60) AS k) AS t`,
    );
    return { calendar: row, truth };
  }

  it('keeps both changes when two transactions change one room type at once', async () => {
    const [[roomTypeId]] = (await query(db.target, 'SELECT id FROM room_types ORDER BY id LIMIT 1')) as [[string]];
    const arns = { resourceArn: db.target.resourceArn, secretArn: db.target.secretArn };
    const api = db.target.api;
    const first = await api.beginTransaction(arns);
    const second = await api.beginTransaction(arns);

    // The first raises one night's rate and does not commit yet.
    await api.executeStatement({
      ...arns,
      transactionId: first.transactionId,
      sql: `UPDATE inventory SET rate_minor = rate_minor + 1000 WHERE room_type_id = '${roomTypeId}' AND night = DATE '${START}' + 10`,
    });
    // The second sells out another night meanwhile; its refresh must wait for the first.
    const selling = api.executeStatement({
      ...arns,
      transactionId: second.transactionId,
      sql: `UPDATE inventory SET rooms_sold = rooms_total WHERE room_type_id = '${roomTypeId}' AND night = DATE '${START}' + 20`,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.commitTransaction({ ...arns, transactionId: first.transactionId as string });
    await selling;
    await api.commitTransaction({ ...arns, transactionId: second.transactionId as string });

    const { calendar, truth } = await calendarAndTruth(roomTypeId);
    expect(calendar).toEqual(truth);
    expect(JSON.parse(calendar![1] as string)[0]).toBe(20);
  }, 60_000);
});
