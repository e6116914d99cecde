/** Shared checks of the list mutations. */
import { ReadLimits } from './constants.js';
import { invalid, isUuid, notFound } from './validation.js';

/** A list name, trimmed: 1 to 100 characters, else a ValidationError. */
export function listName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > ReadLimits.MAX_LIST_NAME) {
    invalid(`A list name has 1 to ${ReadLimits.MAX_LIST_NAME} characters`);
  }
  return trimmed;
}

/** NotFound for an id that cannot be one of the caller's lists. */
export function assertListId(listId: string): void {
  if (!isUuid(listId)) {
    notFound(`No list with id ${listId}`);
  }
}
