/** The back-office Lambda: setRoomAvailability, completeStay (IAM or partners), expireCredits (IAM). */
import { createResolverHandler } from '../shared/handler.js';
import { completeStay } from './complete-stay.js';
import { expireCredits } from './expire-credits.js';
import { setRoomAvailability } from './set-room-availability.js';

/** Routes of the back-office Lambda. */
export const backOfficeRoutes = {
  'Mutation.setRoomAvailability': setRoomAvailability,
  'Mutation.completeStay': completeStay,
  'Mutation.expireCredits': expireCredits,
};

/** Lambda entry. */
export const handler = createResolverHandler(backOfficeRoutes);
