import path from 'node:path';
import { SourceMap, type SourceMapPayload } from 'node:module';
import type { SourcePosition } from './errors.js';

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

/** Reads the inline source map esbuild appends to bundled code. */
export function readInlineSourceMap(code: string): SourceMapPayload | undefined {
  const encoded = INLINE_MAP.exec(code)?.[1];
  return encoded ? (JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as SourceMapPayload) : undefined;
}

/** `code` without its inline source map comment. */
export function withoutInlineSourceMap(code: string): string {
  return code.replace(INLINE_MAP, '');
}

/** Maps 1-based line/column positions of generated code back to its sources. */
export class PositionMapper {
  readonly #map: SourceMap | undefined;

  /**
   * @param payload the source map, if any
   * @param outputFile the path the generated code was written to (sources are relative to its folder)
   * @param fallbackFile reported for a position the map does not cover
   */
  constructor(
    payload: SourceMapPayload | undefined,
    private readonly outputFile: string,
    private readonly fallbackFile: string,
  ) {
    this.#map = payload ? new SourceMap(payload) : undefined;
  }

  /** Source position of a 1-based generated line and column. */
  toSource(line: number, column: number): SourcePosition {
    const entry = this.#map?.findEntry(line - 1, column - 1);
    if (!entry || !('originalSource' in entry)) return { file: this.fallbackFile, line, column };
    return {
      file: path.resolve(path.dirname(this.outputFile), entry.originalSource),
      line: entry.originalLine + 1,
      column: entry.originalColumn + 1,
    };
  }
}
