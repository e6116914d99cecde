/**
 * Keeps the server process's V8 heaps close to what they hold. Between two full collections V8
 * lets a heap's old generation grow to a multiple of what survived the last one (up to 4x when
 * collecting is cheap next to the program's work), and the pages it took stay resident. Under a
 * burst of requests the server's 20 MB of live objects reached 55-80 MB this way; with growth
 * capped at a fifth it stays near 27 MB, for a few more full collections of a small heap (a few
 * milliseconds each). The cap holds for every isolate of the process: the main thread, the
 * APPSYNC_JS sandbox thread, module loader threads.
 *
 * Node takes V8 flags on its command line, which `npm start` and embedders do not control;
 * `v8.setFlagsFromString` sets this one in the running process
 * (https://nodejs.org/api/v8.html#v8setflagsfromstringflags). V8 reads it each time it sets a
 * heap's next limit, so it takes effect from the next full collection on.
 */
import v8 from 'node:v8';

/** Growth of the old generation over the live heap, in percent, before the next full collection. */
export const HEAP_GROWING_PERCENT = 20;

let applied = false;

/** Caps heap growth for this process (once; later calls do nothing). */
export function capHeapGrowth(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
