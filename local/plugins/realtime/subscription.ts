import type { DocumentNode } from 'graphql';
import type { SubscriptionFilter } from '../../appsync-js/runtime/types.js';
import type { Caller } from '../auth/types.js';
import type { AppSyncErrorEntry } from '../shared/format.js';

/** The entries of an `error` frame: AppSync's error entries, or the short socket-level ones. */
export type RealtimeErrorEntry = AppSyncErrorEntry | { errorType: string; message: string; errorCode?: number };

/** One started subscription on one socket. */
export interface LiveSubscription {
  readonly id: string;
  /** The Subscription field it follows. */
  readonly fieldName: string;
  /** The mutations whose results it receives (`@aws_subscribe(mutations: …)`). */
  readonly mutations: ReadonlySet<string>;
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
  /** Arguments the subscriber gave (omitted ones absent, explicit nulls kept). */
  readonly argumentFilter: Readonly<Record<string, unknown>>;
  /** Set by the field's resolver with `extensions.setSubscriptionFilter`. */
  readonly filter: SubscriptionFilter | null;
  /** Set with `extensions.setSubscriptionInvalidationFilter`. */
  readonly invalidationFilter: SubscriptionFilter | null;
  readonly caller: Caller;
  /** Identifies subscribers whose events look the same (query, variables, caller's mode and groups). */
  readonly shapeKey: string;
  /** Identifies subscribers with the same argument and enhanced filters (`matchKeyOf`). */
  readonly matchKey: string;
  /** Sends one serialized frame on the subscriber's socket. */
  send(text: string): void;
  /** Ends the subscription from the server side (invalidation). */
  end(): void;
}

const EMPTY: ReadonlySet<LiveSubscription> = new Set();

/** Every live subscription, by Subscription field, for publishing. */
export class SubscriptionRegistry {
  readonly #byField = new Map<string, Set<LiveSubscription>>();

  add(subscription: LiveSubscription): void {
    let set = this.#byField.get(subscription.fieldName);
    if (!set) this.#byField.set(subscription.fieldName, (set = new Set()));
    set.add(subscription);
  }

  remove(subscription: LiveSubscription): void {
    this.#byField.get(subscription.fieldName)?.delete(subscription);
  }

  /** Live subscriptions on a field (a copy: ending one while iterating is safe). */
  onField(fieldName: string): LiveSubscription[] {
    return [...(this.#byField.get(fieldName) ?? [])];
  }

  /** The live set of a field, for a loop that neither adds nor removes (publishing: no copy per event). */
  liveOnField(fieldName: string): ReadonlySet<LiveSubscription> {
    return this.#byField.get(fieldName) ?? EMPTY;
  }

  /** Fields with at least one subscriber. */
  fields(): string[] {
    return [...this.#byField.entries()].filter(([, set]) => set.size > 0).map(([field]) => field);
  }

  get size(): number {
    let count = 0;
    for (const set of this.#byField.values()) count += set.size;
    return count;
  }
}
