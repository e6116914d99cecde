/**
 * The cases file: outputs AWS AppSync's `EvaluateCode` returned for small resolvers and
 * expressions, each with the code, the context and AWS's exact answer. A team grows its own with
 * `npm run verify:aws -- --save FILE`; the conformance run replays any file of this shape.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** How a case's answer is compared: as given, or both sides parsed as JSON text first. */
export const COMPARE_MODES = ['exact', 'parse-json'] as const;

/** The provenance class whose cases are reported but not counted (nothing says AWS produced them). */
export const UNCERTAIN = 'uncertain';

const expectedSchema = z.union([z.object({ value: z.unknown() }).strict(), z.object({ error: z.string() }).strict()]);

const common = {
  name: z.string(),
  suite: z.string(),
  provenance: z.string(),
  context: z.record(z.string(), z.unknown()),
  compare: z.enum(COMPARE_MODES),
  expected: expectedSchema,
  authMode: z.string().optional(),
  source: z.string().optional(),
  recordedIn: z.string().optional(),
  note: z.string().optional(),
};

const caseSchema = z.discriminatedUnion('kind', [
  // A whole resolver module; `fn` names the handler EvaluateCode ran.
  z.object({ ...common, kind: z.literal('module'), code: z.string(), fn: z.enum(['request', 'response']) }),
  // One expression, returned by a `request` handler.
  z.object({ ...common, kind: z.literal('expr'), expr: z.string() }),
]);

const fileSchema = z.object({
  about: z.string().optional(),
  provenance: z.record(z.string(), z.object({ class: z.string(), why: z.string() })).optional(),
  cases: z.array(caseSchema),
});

/** One recorded case. */
export type ConformanceCase = z.infer<typeof caseSchema>;
/** What AWS answered: a value, or an error message without its `code.js:L:C: ` prefix. */
export type ExpectedAnswer = z.infer<typeof expectedSchema>;
/** A whole cases file. */
export type CasesFile = z.infer<typeof fileSchema>;

/** A cases file that does not have the expected shape. */
export class CasesFileError extends Error {
  override readonly name = 'CasesFileError';
}

/** Parses and checks a cases file's text. */
export function parseCasesFile(text: string, file = 'cases file'): CasesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CasesFileError(`${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CasesFileError(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Reads and checks a cases file. */
export async function readCasesFile(file: string): Promise<CasesFile> {
  return parseCasesFile(await readFile(file, 'utf8'), file);
}

/** True when the case counts towards the figure (its provenance is not `uncertain`). */
export function isCounted(testCase: ConformanceCase): boolean {
  return testCase.provenance !== UNCERTAIN;
}
