import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Comments and docs cite what a reader of this repository can open: its own files, or AWS's pages
 * by URL. Notes kept outside the repository, their section marks and tracker numbers are not that.
 */
const FORBIDDEN: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a reference note outside the repository', pattern: /\breference\/[\w-]+\.md\b/ },
  { what: 'the domain note outside the repository', pattern: /\bdomain\.md\b/ },
  { what: 'a section mark of a note outside the repository', pattern: /§/ },
  { what: 'a tracker issue number', pattern: /\bissues? #?\d+\b/i },
];

/** Files exempt, each with why. */
const EXEMPT: readonly { readonly path: RegExp; readonly why: string }[] = [
  { path: /^generated\//, why: 'written by npm run codegen' },
  { path: /(^|\/)package-lock\.json$/, why: 'written by npm' },
  { path: /^db\/migrations\/.*\.sql$/, why: 'applied text: its checksum is recorded, so an edit would fail every database that ran it' },
  { path: /^test\/repository\/citations\.test\.ts$/, why: 'this file names the patterns' },
];

/** Every file git tracks or would track (new files included), that is text. */
function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter(Boolean))].filter((path) => !EXEMPT.some((rule) => rule.path.test(path)));
}

/** `path:line: what` for each forbidden citation in the text. */
export function findCitations(path: string, text: string): string[] {
  if (text.includes('\0')) return []; // binary
  return text
    .split('\n')
    .flatMap((line, index) =>
      FORBIDDEN.filter(({ pattern }) => pattern.test(line)).map(
        ({ what }) => `${path}:${index + 1}: ${what}: ${line.trim().slice(0, 120)}`,
      ),
    );
}

describe('Citations in comments and docs', () => {
  it('finds each kind of citation a reader cannot open', () => {
    const sample = [
      '/** As AppSync does (reference/appsync.md). */',
      '// money rules, domain.md',
      ' * limits (§G)',
      '# what issue 7 asked for',
      '// see https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html and DECISIONS.md',
    ].join('\n');
    expect(findCitations('sample.ts', sample).map((line) => line.split(': ')[1])).toEqual([
      'a reference note outside the repository',
      'the domain note outside the repository',
      'a section mark of a note outside the repository',
      'a tracker issue number',
    ]);
  });

  it('none in the repository', () => {
    const found = repositoryFiles().flatMap((path) => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return []; // listed but deleted in the working tree
      }
      return findCitations(path, text);
    });
    expect(found).toEqual([]);
  });
});
