/**
 * A web `Response` whose body is already a string or bytes. Node's own Response turns the body into
 * a stream that the adapter then reads back; this one keeps the body as it is, so the adapter
 * writes it straight to the socket, and builds the real Response only when a member other than
 * status, ok and headers is asked for. It is a Response to `instanceof` and to TypeScript.
 */
import { standIn } from './lazy-web-object.js';

/** What the adapter writes for a buffered response. */
export interface BufferedParts {
  readonly status: number;
  /** Plain header names and values, or the Headers object once someone asked for it (and may have changed it). */
  readonly headers: Record<string, string> | Headers;
  readonly body: string | Uint8Array | null;
}

class BufferedResponse {
  #headers: Headers | undefined;
  #real: Response | undefined;

  constructor(
    readonly bufferedBody: string | Uint8Array | null,
    readonly bufferedStatus: number,
    readonly headerRecord: Record<string, string>,
  ) {}

  get status(): number {
    return this.bufferedStatus;
  }

  get ok(): boolean {
    return this.bufferedStatus >= 200 && this.bufferedStatus < 300;
  }

  get headers(): Headers {
    this.#headers ??= new Headers(this.headerRecord);
    return this.#headers;
  }

  /** What is left to write, or undefined once the real Response exists (its body may have been read). */
  parts(): BufferedParts | undefined {
    if (this.#real) return undefined;
    return { status: this.bufferedStatus, headers: this.#headers ?? this.headerRecord, body: this.bufferedBody };
  }

  /** The real Response, for any member this class does not answer itself. */
  real(): Response {
    this.#real ??= new Response(this.bufferedBody, { status: this.bufferedStatus, headers: this.headers });
    return this.#real;
  }
}

standIn(BufferedResponse, Response);

/** A Response over a body at hand (see the module comment). */
export function bufferedResponse(
  body: string | Uint8Array | null,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new BufferedResponse(body, init.status ?? 200, init.headers ?? {}) as unknown as Response;
}

/** The parts of a buffered response not yet turned into a real one; undefined for any other Response. */
export function bufferedPartsOf(response: Response): BufferedParts | undefined {
  return response instanceof BufferedResponse ? response.parts() : undefined;
}
