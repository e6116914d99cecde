/**
 * A web `Request` over a body the adapter has already read. Building Node's own Request (a URL,
 * Headers, an AbortSignal and a body stream) and then reading its stream back costs more than a
 * small GraphQL operation does; this one answers what handlers use (method, url, headers, the body
 * as text, JSON or bytes, clone and signal) from what is at hand, and builds the real Request only
 * when another member is asked for. It is a Request to `instanceof` and to TypeScript.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { standIn } from './lazy-web-object.js';

/** What the adapter knows about a request once its body is read. */
export interface BufferedRequestInit {
  readonly url: string;
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** The whole body; empty when there is none. */
  readonly body: Buffer;
  /** Made on first use: most requests never look at it. */
  readonly signal: () => AbortSignal;
}

const WITHOUT_BODY = new Set(['GET', 'HEAD']);

class BufferedRequest {
  #headers: Headers | undefined;
  #real: Request | undefined;
  #used = false;

  constructor(readonly init: BufferedRequestInit) {}

  get method(): string {
    return this.init.method;
  }

  get url(): string {
    return this.init.url;
  }

  get headers(): Headers {
    this.#headers ??= headersOf(this.init.headers);
    return this.#headers;
  }

  get signal(): AbortSignal {
    return this.init.signal();
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  text(): Promise<string> {
    return Promise.resolve(this.#take().toString('utf8'));
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.#take();
    return Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  }

  clone(): Request {
    if (this.#used) throw new TypeError('Request.clone: Body has already been consumed.');
    return createBufferedRequest(this.init);
  }

  /** The real Request, for any member this class does not answer itself. */
  real(): Request {
    this.#real ??= new Request(this.init.url, {
      method: this.init.method,
      headers: this.headers,
      signal: this.signal,
      ...(WITHOUT_BODY.has(this.init.method) || this.init.body.length === 0 ? {} : { body: this.init.body }),
    });
    return this.#real;
  }

  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.init.body;
  }
}

standIn(BufferedRequest, Request);

function headersOf(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** A Request over an already read body (see the module comment). */
export function createBufferedRequest(init: BufferedRequestInit): Request {
  return new BufferedRequest(init) as unknown as Request;
}
