/**
 * Mutation.setRoomAvailability (back office): rooms for sale and/or the nightly rate of one room
 * type for a range of nights, in one transaction. The returned change is what
 * onHotelAvailabilityChanged announces (setRoomAvailability is in its @aws_subscribe).
 */
import type { SetRoomAvailabilityInput } from '../../../generated/graphql.js';
import { ErrorType, StayLimits } from '../shared/constants.js';
import { BusinessError, NotFoundError, ValidationError } from '../shared/errors.js';
import { requireBackOffice, type FieldHandler } from '../shared/handler.js';
import { nightsBetween } from '../bookings/stay.js';

function validate(input: SetRoomAvailabilityInput): void {
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  if (!DATE.test(input.firstNight) || !DATE.test(input.lastNight))
    throw new ValidationError('firstNight and lastNight must be dates (YYYY-MM-DD)');
  const span = nightsBetween(input.firstNight, input.lastNight);
  if (span < 0) throw new ValidationError('lastNight must not be before firstNight');
  if (span > StayLimits.MAX_AVAILABILITY_RANGE_NIGHTS)
    throw new ValidationError(`lastNight is at most ${StayLimits.MAX_AVAILABILITY_RANGE_NIGHTS} nights after firstNight`);
  if (input.totalRooms == null && input.nightlyRate == null) throw new ValidationError('Give totalRooms, nightlyRate or both');
  if (input.totalRooms != null && !(Number.isInteger(input.totalRooms) && input.totalRooms >= 0))
    throw new ValidationError('totalRooms must be 0 or more');
  if (input.nightlyRate != null && !(Number.isInteger(input.nightlyRate.amount) && input.nightlyRate.amount >= 0))
    throw new ValidationError('nightlyRate.amount must be 0 or more');
}

/** Serves Mutation.setRoomAvailability. */
export const setRoomAvailability: FieldHandler<'Mutation.setRoomAvailability'> = async (event, { db, now }) => {
  requireBackOffice(event);
  const input = event.arguments.input;
  validate(input);
  return db.transaction(async (tx) => {
    const at = now();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const [roomType] = uuid.test(input.roomTypeId)
      ? await tx.query<{ hotel_id: string; currency: string }>(
          'SELECT rt.hotel_id, h.currency FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id WHERE rt.id = :rt::uuid',
          { rt: input.roomTypeId },
        )
      : [];
    if (!roomType) throw new NotFoundError('No such room type');
    const currency = roomType.currency.trim();
    if (input.nightlyRate && input.nightlyRate.currency !== currency) throw new ValidationError(`Rates of this hotel are in ${currency}`);
    const range = { rt: input.roomTypeId, first: input.firstNight, last: input.lastNight };
    const existing = await tx.query<{ night: string; rooms_sold: number }>(
      'SELECT night::text AS night, rooms_sold FROM inventory WHERE room_type_id = :rt::uuid AND night BETWEEN :first::date AND :last::date ORDER BY night FOR UPDATE',
      range,
    );
    const span = nightsBetween(input.firstNight, input.lastNight) + 1;
    if (existing.length < span && input.nightlyRate == null)
      throw new ValidationError('Some nights have no rate yet: give nightlyRate to put them on sale');
    if (input.totalRooms != null) {
      const conflicts = existing.filter((row) => Number(row.rooms_sold) > (input.totalRooms as number)).map((row) => row.night);
      if (conflicts.length > 0) {
        throw new BusinessError(
          ErrorType.INVENTORY_CONFLICT,
          `More rooms are already sold than ${input.totalRooms} on ${conflicts.join(', ')}`,
          { nights: conflicts },
        );
      }
    }
    await tx.execute(
      `INSERT INTO inventory (room_type_id, night, rooms_total, rooms_sold, rate_minor, currency)
       SELECT :rt::uuid, d::date, COALESCE(:total::integer, 0), 0, :rate::bigint, :currency
         FROM generate_series(:first::date, :last::date, interval '1 day') AS d
        WHERE :rate::bigint IS NOT NULL
       ON CONFLICT (room_type_id, night) DO UPDATE
         SET rooms_total = COALESCE(:total::integer, inventory.rooms_total), rate_minor = EXCLUDED.rate_minor`,
      { ...range, total: input.totalRooms ?? null, rate: input.nightlyRate?.amount ?? null, currency },
    );
    if (input.nightlyRate == null) {
      await tx.execute(
        'UPDATE inventory SET rooms_total = :total WHERE room_type_id = :rt::uuid AND night BETWEEN :first::date AND :last::date',
        { ...range, total: input.totalRooms as number },
      );
    }
    const nights = await tx.query<{ night: string; rooms_left: number; rate_minor: number; currency: string }>(
      'SELECT night::text AS night, rooms_total - rooms_sold AS rooms_left, rate_minor, currency FROM inventory WHERE room_type_id = :rt::uuid AND night BETWEEN :first::date AND :last::date ORDER BY night',
      range,
    );
    return {
      hotelId: roomType.hotel_id,
      roomTypeId: input.roomTypeId,
      nights: nights.map((night) => ({
        date: night.night,
        roomsLeft: Math.max(0, Number(night.rooms_left)),
        rate: { amount: Number(night.rate_minor), currency: night.currency.trim() },
      })),
      changedAt: at.toISOString(),
    };
  });
};
