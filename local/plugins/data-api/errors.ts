/**
 * Errors of the offline Data API. Each class carries the AWS exception name (what the SDK picks
 * the class by) and the HTTP status the service answers with; `format.ts` puts them on the wire
 * and `appsync.ts` turns them into `ctx.error`. Anything that is not a `DataApiError` is an
 * internal fault and is masked.
 */

/** Base class: `awsName` is the exception name, `status` the HTTP status of the response. */
export class DataApiError extends Error {
  readonly awsName: string;
  readonly status: number;
  constructor(awsName: string, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = awsName;
    this.awsName = awsName;
    this.status = status;
  }
  /** Extra members of the JSON error body besides `message`. */
  bodyExtras(): Record<string, unknown> {
    return {};
  }
}

/** Malformed or unsupported input that the service refuses before touching the database. */
export class BadRequestError extends DataApiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BadRequestException', 400, message, options);
  }
}

/** Input that violates the API's own rules (several statements, array parameters, ...). */
export class ValidationError extends DataApiError {
  constructor(message: string) {
    super('ValidationException', 400, message);
  }
}

/** PostgreSQL refused the statement; the message carries its text and SQLSTATE. */
export class DatabaseError extends DataApiError {
  /** The SQLSTATE, kept for in-process callers; never put on the wire as `code`. */
  readonly sqlState: string | undefined;
  constructor(message: string, sqlState?: string, options?: { cause?: unknown }) {
    super('DatabaseErrorException', 400, message, options);
    this.sqlState = sqlState;
  }
}

/** The statement ran longer than the statement timeout. */
export class StatementTimeoutError extends DataApiError {
  readonly dbConnectionId: number | undefined;
  constructor(message: string, dbConnectionId?: number) {
    super('StatementTimeoutException', 400, message);
    this.dbConnectionId = dbConnectionId;
  }
  override bodyExtras(): Record<string, unknown> {
    return this.dbConnectionId === undefined ? {} : { dbConnectionId: this.dbConnectionId };
  }
}

/** A result the Data API cannot represent (type, dimensions or size). */
export class UnsupportedResultError extends DataApiError {
  constructor(message: string) {
    super('UnsupportedResultException', 400, message);
  }
}

/** The transaction id is unknown, expired, or ended by an earlier call. */
export class TransactionNotFoundError extends DataApiError {
  constructor(transactionId: string, cause?: string) {
    super('TransactionNotFoundException', 404, `Transaction ${transactionId} isn't found${cause ? `. ${cause}` : ''}`);
  }
}

/** The simulated Aurora Serverless v2 instance is resuming from auto-pause. */
export class DatabaseResumingError extends DataApiError {
  constructor(resourceArn: string) {
    super(
      'DatabaseResumingException',
      400,
      `The Aurora DB instance ${resourceArn} is resuming after being auto-paused. Please wait a few seconds and try again.`,
    );
  }
}

/** The cluster ARN is not one this endpoint serves. */
export class HttpEndpointNotEnabledError extends DataApiError {
  constructor(resourceArn: string) {
    super('HttpEndpointNotEnabledException', 400, `HttpEndpoint is not enabled for resource ${resourceArn}`);
  }
}

/** The secret ARN is not one this endpoint knows. */
export class SecretsError extends DataApiError {
  constructor(secretArn: string) {
    super('SecretsErrorException', 400, `Error fetching secret ${secretArn}: the secret was not found`);
  }
}

/** The operation path is not a Data API operation. */
export class NotFoundError extends DataApiError {
  constructor(message: string) {
    super('NotFoundException', 404, message);
  }
}

/** The database cannot be reached (server down, connection refused or lost). */
export class DatabaseUnavailableError extends DataApiError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('DatabaseUnavailableException', 504, `The database is unavailable: ${detail}`, options);
  }
}

/** An unexpected fault on our side; the message never includes internals. */
export class InternalServerError extends DataApiError {
  constructor(options?: { cause?: unknown }) {
    super('InternalServerErrorException', 500, 'An internal error occurred', options);
  }
}

/** The caller closed its request while it waited; nobody reads this answer, but it must not run the statement. */
export class CallerGoneError extends DataApiError {
  constructor() {
    super('BadRequestException', 400, 'The request was closed by the client before a database connection became free');
  }
}
