/**
 * esbuild's `build` and `transform`, with its service process stopped once no call has been in
 * flight for a while. The service (about 20-25 MB resident) is only needed while bundling, at start
 * and on reloads; esbuild starts it again on the next call. Every esbuild call of the process goes
 * through here, so a stop never cuts a build short.
 */
import * as esbuild from 'esbuild';

/** How long the service stays up after the last call ends: long enough to serve a burst of reloads. */
const IDLE_STOP_MS = 3000;

let inFlight = 0;
let idleTimer: NodeJS.Timeout | undefined;

async function counted<T>(work: () => Promise<T>): Promise<T> {
  inFlight += 1;
  clearTimeout(idleTimer);
  try {
    return await work();
  } finally {
    inFlight -= 1;
    if (inFlight === 0) {
      idleTimer = setTimeout(() => {
        if (inFlight === 0) void esbuild.stop();
      }, IDLE_STOP_MS);
      idleTimer.unref();
    }
  }
}

export function build<T extends esbuild.BuildOptions>(
  options: esbuild.SameShape<esbuild.BuildOptions, T>,
): Promise<esbuild.BuildResult<T>> {
  return counted(() => esbuild.build(options));
}

export function transform<T extends esbuild.TransformOptions>(
  input: string | Uint8Array,
  options?: esbuild.SameShape<esbuild.TransformOptions, T>,
): Promise<esbuild.TransformResult<T>> {
  return counted(() => esbuild.transform(input, options));
}
