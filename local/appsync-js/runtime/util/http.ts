/**
 * `util.http`, as AWS documents it
 * (https://docs.aws.amazon.com/appsync/latest/devguide/http-helpers-in-utils-http-js.html).
 * `copyHeaders` leaves out the ten hop-by-hop headers of the documented list, nothing else.
 * `addResponseHeader` ignores a header whose name is empty or restricted (that list, the CORS,
 * `Vary` and `Content-Type` names, the `x-amz-` / `x-amzn-` prefixes) or whose value is null, and
 * one that would take the request's custom headers over 4 KB: the field keeps its value, a
 * `ResponseHeaderError` entry joins the errors (as the page says) and the offline log says why.
 */
import { RESTRICTED_RESPONSE_HEADER_PREFIXES, RuntimeLimits } from '../constants.js';
import type { RuntimeState } from '../state.js';
import { warnAtCallSite } from '../warnings.js';
import { utf8Encode } from './encoding/utf8.js';

const NOT_COPIED = new Set([
  'transfer-encoding',
  'connection',
  'host',
  'expect',
  'keep-alive',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'content-length',
]);

const NOT_SETTABLE = new Set([
  ...NOT_COPIED,
  'access-control-allow-credentials',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'vary',
  'content-type',
]);

/** Why a response header cannot be set, or undefined when it can. */
function refusal(name: string, value: unknown): string | undefined {
  const lower = name.toLowerCase();
  if (name.trim() === '') return 'its name is empty';
  if (NOT_SETTABLE.has(lower)) return `${name} is a restricted header name`;
  if (RESTRICTED_RESPONSE_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix)))
    return `${name} starts with a restricted prefix (x-amz-, x-amzn-)`;
  if (value === null || value === undefined) return `its value is ${String(value)}`;
  return undefined;
}

function headerValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}

/** `util.http`, bound to one runtime state. */
export function createHttpUtils(state: RuntimeState) {
  const ignore = (name: string, why: string): void => {
    const message = `Response header ${JSON.stringify(name)} was ignored: ${why}.`;
    state.effects.errors.push({ message, errorType: 'ResponseHeaderError', data: null, errorInfo: null });
    warnAtCallSite(`util.http.addResponseHeader: ${message} AWS ignores it too and adds a ResponseHeaderError to the response.`);
  };
  const addResponseHeader = (name: unknown, value: unknown): void => {
    const headerName = String(name ?? '');
    const why = refusal(headerName, value);
    if (why) return ignore(headerName, why);
    const text = headerValue(value);
    const headers = { ...state.requestHeaders, [headerName]: text };
    const size = Object.keys(headers).reduce((total, key) => total + utf8Encode(key).length + utf8Encode(headers[key] as string).length, 0);
    if (size > RuntimeLimits.MAX_RESPONSE_HEADER_BYTES) {
      return ignore(headerName, `the request's custom headers would pass ${RuntimeLimits.MAX_RESPONSE_HEADER_BYTES} bytes`);
    }
    state.requestHeaders = headers;
    state.effects.responseHeaders[headerName] = text;
  };
  return {
    copyHeaders(headers: unknown): Record<string, unknown> {
      const copy: Record<string, unknown> = {};
      if (typeof headers !== 'object' || headers === null) return copy;
      for (const [name, value] of Object.entries(headers)) if (!NOT_COPIED.has(name.toLowerCase())) copy[name] = value;
      return copy;
    },
    addResponseHeader,
    addResponseHeaders(headers: unknown): void {
      if (typeof headers !== 'object' || headers === null) return;
      for (const [name, value] of Object.entries(headers)) addResponseHeader(name, value);
    },
  };
}
