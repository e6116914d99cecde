/**
 * The playground's saved operations for Roam: the app's own documents from client/operations,
 * with variables that walk a seeded user through search, quote, book, watch and cancel. Ids that
 * only an earlier step's answer gives are `{{Operation.path}}` placeholders the playground fills
 * from that answer, and each booking's idempotency key is `{{uuid}}`, new at every pick (the
 * syntax is described on PlaygroundExample in local/config/project.ts). Dates are a month ahead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';

/** A saved operation for the playground: the app's own document and the variables of one step. */
export interface PlaygroundExample {
  readonly name: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

const OPERATIONS_DIR = fileURLToPath(new URL('./operations/', import.meta.url));

function readOperations(): DocumentNode {
  const files = readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  return { kind: Kind.DOCUMENT, definitions: files.flatMap((file) => parse(readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8')).definitions) };
}

/** One operation as standalone text: the operation and every fragment it reaches. */
function operationText(all: DocumentNode, name: string): string {
  const byName = new Map<string, DefinitionNode>();
  for (const definition of all.definitions) {
    if ((definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) && definition.name)
      byName.set(definition.name.value, definition);
  }
  const operation = byName.get(name);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error(`client/operations has no operation ${name}`);
  const needed = new Map<string, DefinitionNode>([[name, operation]]);
  const queue: DefinitionNode[] = [operation];
  while (queue.length > 0) {
    visit(queue.shift() as DefinitionNode, {
      FragmentSpread(node) {
        const fragment = byName.get(node.name.value);
        if (fragment && !needed.has(node.name.value)) {
          needed.set(node.name.value, fragment);
          queue.push(fragment);
        }
      },
    });
  }
  return print({ kind: Kind.DOCUMENT, definitions: [...needed.values()] });
}

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The saved operations, in the order a newcomer tries them. */
export function playgroundExamples(): PlaygroundExample[] {
  const all = readOperations();
  const stay = { checkIn: dayFromNow(30), checkOut: dayFromNow(33), guests: 2 };
  const example = (name: string, operation: string, variables: Record<string, unknown> = {}): PlaygroundExample => ({
    name,
    query: operationText(all, operation),
    variables,
  });
  return [
    example('1. Search hotels near central London', 'SearchHotels', {
      input: { near: { location: { latitude: 51.5074, longitude: -0.1278 }, radiusKm: 5 }, ...stay, sort: 'PRICE' },
      limit: 5,
    }),
    example('2. Quote the first one', 'Quote', {
      input: {
        hotelId: '{{SearchHotels.searchHotels.items.0.hotel.id}}',
        roomTypeId: '{{SearchHotels.searchHotels.items.0.cheapestRoomType.id}}',
        ...stay,
      },
    }),
    example('3. Book the quote', 'CreateBooking', {
      input: {
        idempotencyKey: '{{uuid}}',
        quoteId: '{{Quote.quote.id}}',
        quotedTotal: '{{Quote.quote.total}}',
        applyCredits: true,
      },
    }),
    example('4. Watch my bookings (subscription)', 'OnBookingUpdated', { userId: '{{CreateBooking.createBooking.userId}}' }),
    example('5. Cancel the booking', 'CancelBooking', { input: { bookingId: '{{CreateBooking.createBooking.id}}' } }),
    example('My bookings', 'MyBookings', { limit: 10 }),
    example('Me: rewards, credits, referral code', 'Me', { expiringWithinDays: 30 }),
    example('My lists', 'MyLists'),
    example('Cities', 'Cities', { limit: 10 }),
  ];
}

/** The editor's first text: what Roam's API is and how to walk through it here. */
export const PLAYGROUND_WELCOME = `# Roam's API, offline
#
# Hotels to search and book, paid in cashback credits. This server answers as AppSync does,
# on a local database seeded with cities, hotels and users.
#
# 1. Pick a seeded user in "Auth" (alice has credits, stays and lists; carol is new).
# 2. Pick "1. Search hotels…" in "Example" and run it (the play button, or Ctrl-Enter).
# 3. Pick the next steps in order: each fills its ids from the answers before it.
#    Step 4 keeps watching your bookings while you go on: its events collect under "Events".
#
# The Docs button (top left) lists every type and field of the schema.

query Cities {
  cities(limit: 5) {
    name
    countryCode
  }
}
`;
