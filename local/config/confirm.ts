import { createInterface } from 'node:readline/promises';

/**
 * Asks a yes/no question on the terminal; only "y" or "yes" is yes. With no one to answer
 * (stdin closed), the answer is no.
 */
export async function confirm(question: string, input: NodeJS.ReadableStream = process.stdin): Promise<boolean> {
  const prompt = createInterface({ input, output: process.stderr });
  try {
    const closed = new Promise<string>((settle) => prompt.once('close', () => settle('')));
    const answer = await Promise.race([prompt.question(`${question} [y/N] `), closed]);
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    prompt.close();
  }
}
