/**
 * Quote ids: the priced stay itself, base64url-encoded, so a quote needs no storage. The booking
 * re-prices the stay and compares the total with `quotedTotal` (PriceChanged when it moved).
 */
import { NotFoundError } from '../shared/errors.js';
import type { StayRequest } from './stay.js';

const VERSION = 'q1';

/** The id `Quote.id` carries for a stay. */
export function encodeQuoteId(stay: StayRequest): string {
  return Buffer.from(JSON.stringify([VERSION, stay.hotelId, stay.roomTypeId, stay.checkIn, stay.checkOut, stay.guests])).toString(
    'base64url',
  );
}

/** The stay of a quote id; NotFound for anything that is not one. */
export function decodeQuoteId(id: string): StayRequest {
  try {
    const parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as unknown[];
    const [version, hotelId, roomTypeId, checkIn, checkOut, guests] = parts;
    if (
      version === VERSION &&
      typeof hotelId === 'string' &&
      typeof roomTypeId === 'string' &&
      typeof checkIn === 'string' &&
      typeof checkOut === 'string' &&
      typeof guests === 'number'
    ) {
      return { hotelId, roomTypeId, checkIn, checkOut, guests };
    }
  } catch {
    // fall through: not a quote id
  }
  throw new NotFoundError('Unknown or malformed quote id');
}
