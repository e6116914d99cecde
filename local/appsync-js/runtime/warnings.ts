/**
 * Warnings for the developer that AWS would not raise: a `where` whose meaning depends on AWS's
 * bracket rules, a response header AWS ignores. They are recorded with the position of the
 * resolver's call; the runtime hands them to the executor with the handler call's effects, and
 * the executor logs each file and line once.
 */
import type { RuntimeWarning } from './types.js';

const CODE_FRAME = /code\.js:(\d+):(\d+)/;
let pending: RuntimeWarning[] = [];

/** Record a warning at the resolver's current call site. */
export function warnAtCallSite(message: string): void {
  const frame = CODE_FRAME.exec(String(new Error('').stack ?? ''));
  pending.push({ message, line: frame ? Number(frame[1]) : null, column: frame ? Number(frame[2]) : null });
}

/** The warnings since the last call, and a fresh list. */
export function takeWarnings(): RuntimeWarning[] {
  const taken = pending;
  pending = [];
  return taken;
}
