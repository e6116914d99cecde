/**
 * Every `errorType` the offline AppSync writes into an error entry, in one closed set, so that a
 * client's error handling can be written against a list and a new value is a reviewed change.
 * The values are AppSync's own where AppSync has one
 * (https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html);
 * the ones marked "ours" are this emulator's for requests AWS never receives in that form.
 * Values that resolver or Lambda code chooses (`util.error(message, type)`, a Lambda's error name)
 * pass through as the code wrote them, and Lambda's own runtime names are in
 * local/plugins/lambda/constants.ts.
 */
export const AppSyncErrorTypes = {
  /** 400: the body is not a GraphQL request. */
  MALFORMED_REQUEST: 'MalformedHttpRequestException',
  /** 401 on HTTP, and realtime refusals of a handshake or start without valid credentials. */
  UNAUTHORIZED_REQUEST: 'UnauthorizedException',
  /** A field the caller's auth mode or groups may not read; also `util.unauthorized()`. */
  UNAUTHORIZED_FIELD: 'Unauthorized',
  /** A Lambda resolver whose function failed. */
  LAMBDA_UNHANDLED: 'Lambda:Unhandled',
  /** The 30 s request deadline passed. */
  EXECUTION_TIMEOUT: 'ExecutionTimeout',
  /** More resolvers ran than the API's `resolverCountLimit` allows. */
  RESOLVER_COUNT_LIMIT: 'ResolverCountLimitExceeded',
  /** A JavaScript exception in resolver code. */
  CODE: 'Code',
  /** A pipeline with more than 10 functions. */
  PIPELINE_FUNCTION_LIMIT: 'PipelineFunctionLimitExceeded',
  /** A resolver's evaluated output over 5 MB. */
  RESOLVER_OUTPUT_TOO_LARGE: 'ResolverOutputTooLarge',
  /** Realtime: a message or start payload that cannot be read. */
  BAD_REQUEST: 'BadRequestException',
  /** Realtime: a message type or operation the socket does not carry. */
  UNSUPPORTED_OPERATION: 'UnsupportedOperation',
  /** Realtime: the 101st subscription on one socket. */
  MAX_SUBSCRIPTIONS: 'MaxSubscriptionsReachedError',
  /** Realtime: a start with an id already in use. */
  DUPLICATED_OPERATION: 'DuplicatedOperationError',
  /** Something of ours failed; the message says nothing more (no stack, no SQL). */
  INTERNAL_FAILURE: 'InternalFailure',
  /** Ours: a method other than GET or POST on `/graphql`. */
  METHOD_NOT_ALLOWED: 'MethodNotAllowed',
  /** Ours: a path the server does not serve. */
  NOT_FOUND: 'NotFound',
  /** Ours: a `Host` the server does not answer to (DNS rebinding), or a local-only helper asked from another machine. */
  FORBIDDEN: 'ForbiddenException',
  /** SigV4 (IAM) refusals, with the words of AWS's signature checks. */
  INCOMPLETE_SIGNATURE: 'IncompleteSignatureException',
  INVALID_SIGNATURE: 'InvalidSignatureException',
  UNRECOGNIZED_CLIENT: 'UnrecognizedClientException',
} as const;

export type AppSyncErrorType = (typeof AppSyncErrorTypes)[keyof typeof AppSyncErrorTypes];
