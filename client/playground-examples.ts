/**
 * The playground's saved operations for Roam: the app's own documents from client/operations,
 * with variables that walk a seeded user through search, quote, book, watch and cancel. Values
 * that only an earlier answer gives are `PASTE_<field>.<path>`, which the playground fills from
 * the answers so far when the example is picked; `{{uuid}}` becomes a fresh idempotency key each
 * time. Dates are always a month ahead.
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
    example('2. Quote a stay (the hotel and room from step 1)', 'Quote', {
      input: { hotelId: 'PASTE_hotel.id', roomTypeId: 'PASTE_cheapestRoomType.id', ...stay },
    }),
    example('3. Book it (the quote and its total from step 2)', 'CreateBooking', {
      input: { idempotencyKey: '{{uuid}}', quoteId: 'PASTE_quote.id', quotedTotal: 'PASTE_quote.total', applyCredits: true },
    }),
    example('4. Watch my bookings (subscription; cancel in a second tab)', 'OnBookingUpdated', { userId: 'PASTE_me.id' }),
    example('5. Cancel it (the booking from step 3)', 'CancelBooking', { input: { bookingId: 'PASTE_createBooking.id' } }),
    example('My bookings', 'MyBookings', { limit: 10 }),
    example('Me: rewards, credits, referral code', 'Me', { expiringWithinDays: 30 }),
    example('My lists', 'MyLists'),
    example('Cities', 'Cities', { limit: 10 }),
  ];
}
