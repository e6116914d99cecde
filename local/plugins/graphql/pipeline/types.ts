/**
 * The shapes of the one operation pipeline that HTTP (`/graphql`) and realtime (`start` on
 * `/graphql/realtime`) both run: what goes in, what each stage adds, what comes out.
 */
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { SubscriptionFilter } from '../../../appsync-js/runtime/types.js';
import type { RequestFacts } from '../../auth/authenticate.js';
import type { AuthMode, Authenticator, Caller } from '../../auth/types.js';
import type { OperationOutcome } from '../execute/execute-operation.js';
import type { RequestState } from '../execute/request-state.js';
import type { AppSyncErrorEntry } from '../../shared/format.js';
import type { GraphqlParams } from '../request/parse-request.js';
import type { ValidatedDocument } from '../validation/validate-document.js';

/** Everything an operation runs against; built once per schema (watch mode builds a new one). */
export interface OperationApi {
  readonly schema: GraphQLSchema;
  readonly validate: (query: string) => ValidatedDocument;
  readonly authenticators: readonly Authenticator[];
  readonly defaultMode: AuthMode;
  /** AppSync's `resolverCountLimit`; 0 means 10,000. */
  readonly resolverCountLimit: number;
  /** The whole-request deadline. Only tests shorten it. @default 30 000 ms (AppSync's, fixed) */
  readonly requestTimeoutMs?: number;
}

/** The transport an operation came by: it decides which operation types it may carry. */
export type Transport = 'http' | 'realtime';

/** One operation as a transport hands it over, after the transport's own parsing. */
export interface OperationInput {
  readonly transport: Transport;
  readonly params: GraphqlParams;
  /** The credentials to check (headers) and what a signature covers (body, URL, method). */
  readonly headers: Headers;
  readonly facts: RequestFacts;
}

/** What the stages learn about an operation as it goes through them. */
export interface OperationContext extends OperationInput {
  caller?: Caller;
  document?: DocumentNode;
  operation?: OperationDefinitionNode;
  state?: RequestState;
}

/** A subscription ready to register: its field, what it listens to, and its filters. */
export interface SubscriptionStart {
  fieldName: string;
  mutations: ReadonlySet<string>;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  argumentFilter: Record<string, unknown>;
  filter: SubscriptionFilter | null;
  invalidationFilter: SubscriptionFilter | null;
  caller: Caller;
  shapeKey: string;
}

/** An error entry with the HTTP-like code realtime `error` frames carry. */
export type RefusalEntry = AppSyncErrorEntry | { errorType: string; message: string; errorCode?: number };

/** How an operation ended. */
export type PipelineResult =
  /** A query or mutation ran (its body may still hold errors). */
  | { readonly kind: 'executed'; readonly outcome: OperationOutcome; readonly state: RequestState }
  /** A subscription was checked and its resolver ran: ready to register. */
  | { readonly kind: 'subscribed'; readonly subscription: SubscriptionStart }
  /** Refused before anything ran (validation, the wrong transport, bad variables). */
  | {
      readonly kind: 'refused';
      readonly errors: RefusalEntry[];
      readonly operationType?: OperationOutcome['operationType'];
      readonly operationName?: string;
      readonly caller?: Caller;
    };

/** A stage either adds to the context and lets the next one run, or ends the operation. */
export type StageResult = void | { readonly done: PipelineResult };

/** One step of the pipeline (the envelop/Yoga shape: a named object made by a `useX()` factory). */
export interface OperationStage {
  readonly name: string;
  run(context: OperationContext): StageResult | Promise<StageResult>;
}
