// The generated typed documents (client/index.ts → generated/client/operations.ts): one per
// operation in client/operations, each self-contained (it carries the fragments it spreads) and
// valid against the schema, with the result and variable types the apps rely on. The type
// assertions are checked by `npm run typecheck` (tsc), the rest at run time.
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { Kind, validate, type DocumentNode } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as client from '../../client/index.js';
import { loadOperationsDocument, loadSchema } from './load.js';

function exportedDocuments(): [string, DocumentNode][] {
  return Object.entries(client).filter(
    (entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && (entry[1] as DocumentNode).kind === Kind.DOCUMENT,
  );
}

describe('generated typed documents', () => {
  it('exist for exactly the operations in client/operations', () => {
    const operationNames = loadOperationsDocument()
      .definitions.flatMap((node) => (node.kind === Kind.OPERATION_DEFINITION ? [node.name!.value] : []))
      .sort();
    const documentOperationNames = exportedDocuments()
      .flatMap(([, document]) => document.definitions)
      .flatMap((node) => (node.kind === Kind.OPERATION_DEFINITION ? [node.name!.value] : []))
      .sort();
    expect(documentOperationNames).toEqual(operationNames);
  });

  it.each(exportedDocuments().filter(([name]) => !name.endsWith('FragmentDoc')))('%s is self-contained and valid', (_name, document) => {
    expect(validate(loadSchema(), document).map((error) => error.message)).toEqual([]);
  });

  it('type results and variables from the schema (checked by tsc)', () => {
    type Search = ResultOf<typeof client.SearchHotelsDocument>['searchHotels'];
    expectTypeOf<Search['nextToken']>().toEqualTypeOf<string | null>();
    expectTypeOf<Search['items'][number]['stayTotal']['amount']>().toEqualTypeOf<number>();
    expectTypeOf<VariablesOf<typeof client.SearchHotelsDocument>['input']['checkIn']>().toEqualTypeOf<string>();
    type Booking = NonNullable<ResultOf<typeof client.BookingDocument>['booking']>;
    expectTypeOf<Booking['status']>().toEqualTypeOf<'PENDING' | 'CONFIRMED' | 'CANCELLED' | 'COMPLETED'>();
    expectTypeOf<Booking['cancellationPolicy']['freeUntil']>().toEqualTypeOf<string | null>();
    type CreateInput = VariablesOf<typeof client.CreateBookingDocument>['input'];
    expectTypeOf<CreateInput['idempotencyKey']>().toEqualTypeOf<string>();
    expectTypeOf<CreateInput['applyCredits']>().toEqualTypeOf<boolean>();
    expectTypeOf<ResultOf<typeof client.OnBookingUpdatedDocument>['onBookingUpdated']>().toBeNullable();
    expect(client.SearchHotelsDocument.kind).toBe(Kind.DOCUMENT);
  });
});
