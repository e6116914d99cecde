/** The bookings Lambda: Query.quote, Mutation.createBooking, Mutation.cancelBooking. */
import { createResolverHandler } from '../shared/handler.js';
import { cancelBooking } from './cancel-booking.js';
import { createBooking } from './create-booking.js';
import { quote } from './quote.js';

/** Routes of the bookings Lambda, by `Type.field`. */
export const bookingRoutes = {
  'Query.quote': quote,
  'Mutation.createBooking': createBooking,
  'Mutation.cancelBooking': cancelBooking,
};

/** Lambda entry. */
export const handler = createResolverHandler(bookingRoutes);
