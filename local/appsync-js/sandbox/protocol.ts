/**
 * The JSON messages between the host and the in-context harness. Only strings cross the
 * boundary; these types describe what the strings hold.
 */
import { CODE_FILE_NAME } from '../../../platform/appsync-js/constants.js';

/** Global the host writes the input string to before each call. */
export const INPUT_GLOBAL = '__roamInput';
/** Global (non-writable) holding the harness inside each context. */
export const HARNESS_GLOBAL = '__roamHarness';
/** Script names inside the sandbox; stack traces keep only frames of these (see harness.ts). */
export const SandboxFiles = {
  /** The resolver's code, as AppSync names it in its error messages. */
  CODE: CODE_FILE_NAME,
  /** The runtime and harness bundle. */
  RUNTIME: 'appsync-runtime.js',
  /** The one-line script that starts each call. */
  INVOKE: 'appsync-invoke.js',
} as const;

/** Input of one handler call. */
export interface HarnessInput {
  handler: 'request' | 'response';
  /** The `ctx` object without `args` (the harness aliases it to `arguments`). */
  ctx: { stash: Record<string, unknown> } & Record<string, unknown>;
  /** What `util` needs about the call (runtime/types.ts `InvocationInfo`). */
  invocation: { fieldName: string; parentTypeName: string; authMode?: string };
  /** A new id resets the runtime's request-wide state. */
  requestId: string;
  /**
   * A unit resolver on a NONE data source: when `request` returns, run `response` in the same call
   * with the returned `payload` as `ctx.result`. The two outputs come back on two lines.
   */
  thenResponseOnNone?: boolean;
}

/** Between the outputs of `request` and `response` in one call (JSON text holds no raw newline). */
export const OUTPUT_SEPARATOR = '\n';

/** A log line as the harness collects it. */
export interface RawLogLine {
  level: 'INFO' | 'ERROR' | 'WARN' | 'DEBUG';
  message: string;
}

/** An error entry as the runtime records it. */
export interface RawErrorEntry {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

/** Output of one handler call. */
export interface HarnessOutput {
  end:
    | { kind: 'return'; value: unknown }
    | { kind: 'earlyReturn'; value: unknown; skipTo: 'END' | 'NEXT' | 'DEFAULT' }
    | { kind: 'error'; error: RawErrorEntry }
    | { kind: 'exception'; name: string; message: string; line: number | null; column: number | null };
  appendedErrors: RawErrorEntry[];
  stash: Record<string, unknown>;
  logs: RawLogLine[];
  /** Runtime advice, at executed-code positions (runtime/warnings.ts). */
  warnings: { message: string; line: number | null; column: number | null }[];
  effects: {
    subscriptionFilter: unknown;
    subscriptionInvalidationFilter: unknown;
    invalidations: unknown[];
    cacheEvictions: unknown[];
    responseHeaders: Record<string, string>;
  };
}
