/**
 * Runs one case as AppSync runs a resolver: its module is written to a scratch folder, loaded by
 * the real loader (bundle, subset check, sandbox) and its handler invoked with the case's
 * context. Nothing here knows any project: the same path serves every cases file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ResolverCodeError } from '../../../platform/appsync-js/errors.js';
import { invokeHandler, type HandlerContext } from '../invoke.js';
import { loadResolverCode, type ResolverCode } from '../load.js';
import type { AuthMode, ResolverLogLine } from '../types.js';
import type { ConformanceCase, ExpectedAnswer } from './cases.js';
import { caseHandler, caseSource } from './case-code.js';

// EvaluateCode reports a runtime error as `code.js:L:C: message`; cases keep the message only.
const POSITION_PREFIX = /^code\.js:\d+:\d+: /;

/** The offline answer to one case, with the resolver's log lines. */
export interface CaseRun {
  answer: ExpectedAnswer;
  logs: ResolverLogLine[];
}

/**
 * The `ctx` of a case. EvaluateCode takes the context as given: a part it leaves out is empty,
 * and there is no field, so `info` names none.
 */
export function caseContext(testCase: ConformanceCase): HandlerContext {
  return handlerContext(testCase.context, testCase.authMode);
}

/** A handler `ctx` from an EvaluateCode-style context (parts left out are empty). */
export function handlerContext(evaluateContext: Record<string, unknown>, authMode?: string): HandlerContext {
  const given = evaluateContext as Partial<HandlerContext> & Record<string, unknown>;
  const { args: _alias, ...context } = given;
  return {
    arguments: {},
    identity: null,
    source: null,
    request: { headers: {}, domainName: null },
    info: { fieldName: '', parentTypeName: '', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
    env: {},
    stash: {},
    ...context,
    ...(authMode === undefined ? {} : { authMode: authMode as AuthMode }),
  };
}

/** A scratch folder for case modules; remove it with {@link CaseWorkspace.close}. */
export class CaseWorkspace {
  #count = 0;
  private constructor(readonly dir: string) {}

  static async open(): Promise<CaseWorkspace> {
    return new CaseWorkspace(await mkdtemp(path.join(tmpdir(), 'appsync-js-cases-')));
  }

  /** Writes `source` as a new module file and returns its path. */
  async write(source: string): Promise<string> {
    this.#count += 1;
    const file = path.join(this.dir, `case-${this.#count}.js`);
    await writeFile(file, source);
    return file;
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Runs the module `source`'s `handler` with `ctx` offline and answers as EvaluateCode would. */
export async function runModule(
  workspace: CaseWorkspace,
  source: string,
  handler: 'request' | 'response',
  ctx: HandlerContext,
): Promise<CaseRun> {
  let code: ResolverCode;
  try {
    code = await loadResolverCode(await workspace.write(source));
  } catch (error) {
    if (error instanceof ResolverCodeError) return { answer: { error: error.message }, logs: [] };
    throw error;
  }
  return runLoaded(code, handler, ctx);
}

let requests = 0;

/** Runs one handler of a loaded file and answers as EvaluateCode would. */
export function runLoaded(code: ResolverCode, handler: 'request' | 'response', ctx: HandlerContext): CaseRun {
  requests += 1;
  const outcome = invokeHandler(code, handler, ctx, { deadline: Date.now() + 30_000, requestId: `evaluate-${requests}` });
  const { end } = outcome;
  if (end.kind === 'error') return { answer: { error: withoutPosition(end.error.message) }, logs: outcome.logs };
  return { answer: { value: end.value ?? null }, logs: outcome.logs };
}

/** An error message without the `code.js:L:C: ` EvaluateCode puts in front. */
export function withoutPosition(message: string): string {
  return message.replace(POSITION_PREFIX, '');
}

/** Runs one case offline. */
export function runCase(workspace: CaseWorkspace, testCase: ConformanceCase): Promise<CaseRun> {
  return runModule(workspace, caseSource(testCase), caseHandler(testCase), caseContext(testCase));
}
