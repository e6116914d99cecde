/**
 * `util.http` (§A7). Response headers are recorded as effects of the handler call; the names
 * `x-amz-*` / `x-amzn-*` are refused and all custom headers of a request together (names and
 * values, UTF-8 bytes) may not pass 4 KB. A refused header throws a `util.error` signal.
 * `copyHeaders` drops the hop-by-hop and AWS-owned request headers (our list; AWS does not publish
 * its own).
 */
import { RESTRICTED_RESPONSE_HEADER_PREFIXES, RuntimeLimits } from '../constants.js';
import { errorSignal } from '../signals.js';
import type { RuntimeState } from '../state.js';
import { utf8Encode } from './encoding/utf8.js';

const NOT_COPIED = new Set([
  'authorization', 'connection', 'content-length', 'expect', 'host', 'keep-alive', 'proxy-authenticate',
  'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'x-api-key',
]);

const isRestricted = (name: string): boolean =>
  RESTRICTED_RESPONSE_HEADER_PREFIXES.some((prefix) => name.toLowerCase().startsWith(prefix));

function headerValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
}

/** `util.http`, bound to one runtime state. */
export function createHttpUtils(state: RuntimeState) {
  const addResponseHeader = (name: unknown, value: unknown): void => {
    const headerName = String(name);
    if (headerName === '' || /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(headerName)) {
      throw errorSignal(`Invalid response header name: ${headerName}`, null, null, null);
    }
    if (isRestricted(headerName)) throw errorSignal(`Response header name is restricted: ${headerName}`, null, null, null);
    const text = headerValue(value);
    const headers = { ...state.requestHeaders, [headerName]: text };
    const size = Object.keys(headers).reduce((total, key) => total + utf8Encode(key).length + utf8Encode(headers[key] as string).length, 0);
    if (size > RuntimeLimits.MAX_RESPONSE_HEADER_BYTES) {
      throw errorSignal(`Custom response headers exceed the ${RuntimeLimits.MAX_RESPONSE_HEADER_BYTES} byte limit`, null, null, null);
    }
    state.requestHeaders = headers;
    state.effects.responseHeaders[headerName] = text;
  };
  return {
    copyHeaders(headers: unknown): Record<string, unknown> {
      const copy: Record<string, unknown> = {};
      if (typeof headers !== 'object' || headers === null) return copy;
      for (const [name, value] of Object.entries(headers)) {
        if (!NOT_COPIED.has(name.toLowerCase()) && !isRestricted(name)) copy[name] = value;
      }
      return copy;
    },
    addResponseHeader,
    addResponseHeaders(headers: unknown): void {
      if (typeof headers !== 'object' || headers === null) throw errorSignal('addResponseHeaders needs an object', null, null, null);
      for (const [name, value] of Object.entries(headers)) addResponseHeader(name, value);
    },
  };
}
