import type { ManifestPart } from '../../platform/manifest/index.js';

/** A unit resolver on the Aurora data source. */
function onDb(code: string) {
  return { kind: 'JS_UNIT', code, dataSource: 'db' } as const;
}

/** A user-scoped pipeline: the caller's row (ensureUser), then one function. */
function forCaller(fn: string) {
  return { kind: 'JS_PIPELINE', functions: ['ensureUser', fn] } as const;
}

/**
 * The reads: catalogue reads (API key or signed in) and the caller's own bookings, account
 * and lists, all APPSYNC_JS on the `db` data source. Hotel, RoomType and City nested fields come
 * whole from the parent query (api_hotel, migration 0007); Hotel.city/amenities/roomTypes have
 * resolvers only so that a Hotel built elsewhere (a Lambda) without them still resolves: they
 * return the parent's value without a query when it is there. `User.rewards` is the MONEY part's.
 */
export const readsPart = {
  functions: {
    getMyBooking: { code: 'resolvers/functions/getMyBooking.ts', dataSource: 'db' },
    listMyBookings: { code: 'resolvers/functions/listMyBookings.ts', dataSource: 'db' },
    getMe: { code: 'resolvers/functions/getMe.ts', dataSource: 'db' },
    listMyLists: { code: 'resolvers/functions/listMyLists.ts', dataSource: 'db' },
    createList: { code: 'resolvers/functions/createList.ts', dataSource: 'db' },
    renameList: { code: 'resolvers/functions/renameList.ts', dataSource: 'db' },
    deleteList: { code: 'resolvers/functions/deleteList.ts', dataSource: 'db' },
    addHotelToList: { code: 'resolvers/functions/addHotelToList.ts', dataSource: 'db' },
    removeHotelFromList: { code: 'resolvers/functions/removeHotelFromList.ts', dataSource: 'db' },
  },
  resolvers: {
    'Query.cities': onDb('resolvers/js/Query.cities.ts'),
    'Query.searchHotels': onDb('resolvers/js/Query.searchHotels.ts'),
    'Query.hotel': onDb('resolvers/js/Query.hotel.ts'),
    'Hotel.availability': onDb('resolvers/js/Hotel.availability.ts'),
    'Hotel.city': onDb('resolvers/js/Hotel.city.ts'),
    'Hotel.amenities': onDb('resolvers/js/Hotel.amenities.ts'),
    'Hotel.roomTypes': onDb('resolvers/js/Hotel.roomTypes.ts'),
    'Query.booking': forCaller('getMyBooking'),
    'Query.myBookings': forCaller('listMyBookings'),
    'Query.me': forCaller('getMe'),
    'User.creditHistory': onDb('resolvers/js/User.creditHistory.ts'),
    'CreditBalance.expiringSoon': onDb('resolvers/js/CreditBalance.expiringSoon.ts'),
    'Query.myLists': forCaller('listMyLists'),
    'Mutation.createList': forCaller('createList'),
    'Mutation.renameList': forCaller('renameList'),
    'Mutation.deleteList': forCaller('deleteList'),
    'Mutation.addHotelToList': forCaller('addHotelToList'),
    'Mutation.removeHotelFromList': forCaller('removeHotelFromList'),
  },
} satisfies ManifestPart;
