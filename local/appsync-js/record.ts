/**
 * `npm start -- --record DIR`: every handler call's `ctx` written to DIR as one JSON file, so
 * `npm run verify:aws` can replay real contexts on AWS. Whatever looks like a credential (tokens,
 * API keys, signatures, secrets, passwords, cookies) is replaced by `REDACTED` before it is
 * written, wherever it sits in the context.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HandlerName } from '../../platform/appsync-js/constants.js';

/** One recorded handler call. */
export interface HandlerCallRecord {
  /** The resolver or function file, relative to the folder the server was started in. */
  file: string;
  handler: HandlerName;
  context: unknown;
}

/** The value that replaces a credential. */
export const REDACTED = 'REDACTED';

const SECRET_NAME = /authorization|api[-_]?key|token|secret|signature|password|credential|cookie|access[-_]?key/i;
// A bare JWT or SigV4 signature in a value whose name says nothing.
const SECRET_VALUE = /^(?:Bearer\s+)?eyJ[\w-]+\.[\w-]+\.[\w-]*$|Signature=[0-9a-f]{16,}/;

/** A copy of `value` with every credential-looking entry replaced by `REDACTED`. */
export function redactCredentials(value: unknown, name = ''): unknown {
  if (name !== '' && SECRET_NAME.test(name) && value !== null && value !== undefined) return REDACTED;
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((item) => redactCredentials(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactCredentials(item, key)]));
  }
  return value;
}

let recorder: ((file: string, handler: HandlerName, context: unknown) => void) | undefined;

/**
 * Starts writing each handler call's context under `dir` (created if needed), as
 * `<n>-<file>-<handler>.json`. Paths in the records are relative to `rootDir`.
 */
export function recordHandlerCalls(dir: string, rootDir: string = process.cwd()): void {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  recorder = (file, handler, context) => {
    count += 1;
    const record: HandlerCallRecord = { file: path.relative(rootDir, file), handler, context: redactCredentials(context) };
    const name = `${String(Date.now())}-${String(count).padStart(5, '0')}-${path.basename(file).replace(/\.[^.]+$/, '')}-${handler}.json`;
    writeFileSync(path.join(dir, name), `${JSON.stringify(record, null, 2)}\n`);
  };
}

/** Stops recording. */
export function stopRecording(): void {
  recorder = undefined;
}

/** Called by the executor for every handler call; a no-op unless recording. */
export function recordHandlerCall(file: string, handler: HandlerName, context: unknown): void {
  recorder?.(file, handler, context);
}
