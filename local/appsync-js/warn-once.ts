/**
 * Runtime warnings (runtime/warnings.ts) as resolver log lines, each naming the source file and
 * line of the call that raised it, and each file + line + message logged once per process: a
 * resolver that runs a thousand times warns once.
 */
import type { HandlerName } from '../../platform/appsync-js/constants.js';
import type { ResolverCode } from './load.js';
import type { HarnessOutput } from './sandbox/protocol.js';
import type { ResolverLogLine } from './types.js';

const warned = new Set<string>();
let sink: ((line: string) => void) | undefined;

/**
 * Where each new warning also goes as it is first raised (`npm start` prints them on stderr), since
 * a resolver's log lines otherwise stay with its field resolution.
 */
export function onRuntimeWarning(print: ((line: string) => void) | undefined): void {
  sink = print;
}

/** WARN lines for the warnings not yet logged for their file and line. */
export function warningLines(code: ResolverCode, handler: HandlerName, warnings: HarnessOutput['warnings']): ResolverLogLine[] {
  const lines: ResolverLogLine[] = [];
  for (const warning of warnings) {
    const deployed =
      warning.line !== null && warning.column !== null ? code.executedToDeployed.toSource(warning.line, warning.column) : undefined;
    const source = deployed ? code.deployedToSource.toSource(deployed.line, deployed.column) : undefined;
    const file = source?.file ?? code.file;
    const key = `${file}:${source?.line ?? '?'}:${warning.message}`;
    if (warned.has(key)) continue;
    warned.add(key);
    const at = source ? `${source.file}:${source.line}` : code.file;
    const message = `${at}: ${warning.message}`;
    lines.push({ level: 'WARN', message, file: code.file, handler });
    sink?.(`WARN ${message}`);
  }
  return lines;
}
