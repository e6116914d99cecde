/**
 * The wire between the runner and a worker process: lines over a plain pipe on the worker's
 * fd 3 (not Node's IPC channel, which wraps every message in another JSON document). Each line
 * is a kind letter and tab-separated fields; the last field is JSON text, which never holds a
 * raw newline, so the event and the result cross once as the JSON the Invoke API would carry.
 *
 * runner → worker: `C\t{"invokedFunctionArn","timeoutMs"}` once, then `I\t<requestId>\t<event JSON>`.
 * worker → runner: `S` (module loaded), `R\t<requestId>\t<result JSON>`,
 * `E\t<requestId or empty>\t<1 if the worker exits next, else 0>\t{"errorType","errorMessage"}`.
 * Only Node built-ins may be imported here: the worker entry bundles this file.
 */

/** The file descriptor of the pipe in the worker process. */
export const WORKER_PIPE_FD = 3;

/** One invocation as the runner hands it to a worker. */
export interface InvokeRequest {
  readonly requestId: string;
  /** The event as JSON text, exactly as the Invoke API would receive it. */
  readonly eventJson: string;
}

/** What a worker needs to know once, before its first call. */
export interface WorkerConfig {
  readonly invokedFunctionArn: string;
  readonly timeoutMs: number;
  /** The function's CommonJS bundle and its V8 code cache; absent when the worker imports `index.mjs`. */
  readonly commonJsBundle?: CommonJsBundleConfig;
}

/** A CommonJS bundle a worker compiles with a V8 code cache (read if present, written if not). */
export interface CommonJsBundleConfig {
  readonly file: string;
  readonly codeCacheFile: string;
}

/** Error fields as the Lambda runtime reports them. */
export interface WireError {
  readonly errorType: string;
  readonly errorMessage: string;
}

/** A parsed worker → runner line. `bytes` is the size of the result JSON, for the payload limit. */
export type WorkerLine =
  | { readonly kind: 'ready' }
  | { readonly kind: 'response'; readonly requestId: string; readonly payloadJson: string; readonly bytes: number }
  | { readonly kind: 'error'; readonly requestId: string | undefined; readonly fatal: boolean; readonly error: WireError };

/** A parsed runner → worker line. */
export type RunnerLine = { readonly kind: 'config'; readonly config: WorkerConfig } | ({ readonly kind: 'invoke' } & InvokeRequest);

const TAB = 9;
const NEWLINE = 10;

export const encodeConfig = (config: WorkerConfig): string => `C\t${JSON.stringify(config)}\n`;
export const encodeInvoke = (request: InvokeRequest): string => `I\t${request.requestId}\t${request.eventJson}\n`;
export const encodeReady = (): string => 'S\n';
export const encodeResponse = (requestId: string, payloadJson: string): string => `R\t${requestId}\t${payloadJson}\n`;
export const encodeError = (requestId: string | undefined, fatal: boolean, error: WireError): string =>
  `E\t${requestId ?? ''}\t${fatal ? 1 : 0}\t${JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage })}\n`;

/** The field that starts at `from` and ends at the next tab; returns it and where the next field starts. */
function field(line: Buffer, from: number): [string, number] {
  const end = line.indexOf(TAB, from);
  if (end < 0) throw new Error('Malformed Lambda worker message');
  return [line.toString('latin1', from, end), end + 1];
}

/** Parses one line a worker wrote (without its newline). */
export function parseWorkerLine(line: Buffer): WorkerLine {
  const kind = line[0];
  if (kind === 0x53 /* S */) return { kind: 'ready' };
  if (kind === 0x52 /* R */) {
    const [requestId, at] = field(line, 2);
    return { kind: 'response', requestId, payloadJson: line.toString('utf8', at), bytes: line.length - at };
  }
  if (kind === 0x45 /* E */) {
    const [requestId, at] = field(line, 2);
    const [fatal, rest] = field(line, at);
    return {
      kind: 'error',
      requestId: requestId || undefined,
      fatal: fatal === '1',
      error: JSON.parse(line.toString('utf8', rest)) as WireError,
    };
  }
  throw new Error('Malformed Lambda worker message');
}

/** Parses one line the runner wrote (without its newline). */
export function parseRunnerLine(line: Buffer): RunnerLine {
  const kind = line[0];
  if (kind === 0x49 /* I */) {
    const [requestId, at] = field(line, 2);
    return { kind: 'invoke', requestId, eventJson: line.toString('utf8', at) };
  }
  if (kind === 0x43 /* C */) return { kind: 'config', config: JSON.parse(line.toString('utf8', 2)) as WorkerConfig };
  throw new Error('Malformed Lambda runner message');
}

/** Splits a byte stream into lines; a line may span chunks. */
export class LineSplitter {
  private partial: Buffer[] = [];
  constructor(private readonly onLine: (line: Buffer) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    while (end >= 0) {
      const piece = chunk.subarray(start, end);
      if (this.partial.length > 0) {
        this.partial.push(piece);
        const line = Buffer.concat(this.partial);
        this.partial = [];
        this.onLine(line);
      } else this.onLine(piece);
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }
}
