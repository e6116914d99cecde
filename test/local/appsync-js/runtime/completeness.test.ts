// Everything the @aws-appsync/utils type declarations (the API contract) promise exists in our
// runtime as a function: read the d.ts with the TypeScript compiler and walk util, runtime,
// extensions and the rds module's exports.
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { freshRuntime } from './modules.js';

const require = createRequire(import.meta.url);
const libDir = path.join(path.dirname(require.resolve('@aws-appsync/utils/package.json')), 'lib');

/** Dotted paths of every callable member declared under `type`. */
function callablePaths(checker: ts.TypeChecker, type: ts.Type, prefix: string, depth = 0): string[] {
  if (type.getCallSignatures().length > 0) return [prefix];
  if (depth > 3) return [];
  return checker.getPropertiesOfType(type).flatMap((symbol) => {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration) return [];
    return callablePaths(checker, checker.getTypeOfSymbolAtLocation(symbol, declaration), `${prefix}.${symbol.name}`, depth + 1);
  });
}

function declaredPaths(): { utils: string[]; rds: string[] } {
  const program = ts.createProgram([path.join(libDir, 'index.d.ts'), path.join(libDir, 'rds-helpers.d.ts')], {
    strict: true,
    noLib: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const index = checker.getSymbolAtLocation(program.getSourceFile(path.join(libDir, 'index.d.ts'))!)!;
  const utils = ['util', 'runtime', 'extensions'].flatMap((name) => {
    const symbol = checker.getExportsOfModule(index).find((exported) => exported.name === name)!;
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return callablePaths(checker, checker.getTypeOfSymbolAtLocation(resolved, resolved.valueDeclaration!), name);
  });
  const rdsModule = checker.getSymbolAtLocation(program.getSourceFile(path.join(libDir, 'rds-helpers.d.ts'))!)!;
  const rds = checker
    .getExportsOfModule(rdsModule)
    .filter((symbol) => symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))
    .flatMap((symbol) => callablePaths(checker, checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration!), symbol.name));
  return { utils, rds };
}

const lookup = (root: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root);

describe('completeness against the @aws-appsync/utils 2.1.1 declarations', () => {
  const declared = declaredPaths();
  const { util, runtime, extensions, rds } = freshRuntime();

  it('reads a plausible number of declarations', () => {
    expect(declared.utils).toContain('util.time.nowFormatted');
    expect(declared.utils).toContain('runtime.earlyReturn');
    expect(declared.rds).toContain('typeHint.UUID');
    expect(declared.utils).toHaveLength(57); // 52 util members, runtime.earlyReturn, 4 extensions
    expect(declared.rds).toHaveLength(24); // 8 functions, 6 typeHint.*, 10 agg.*
  });

  it('implements every util, runtime and extensions function', () => {
    const missing = declared.utils.filter((dotted) => typeof lookup({ util, runtime, extensions }, dotted) !== 'function');
    expect(missing).toEqual([]);
  });

  it('implements every export of @aws-appsync/utils/rds', () => {
    const missing = declared.rds.filter((dotted) => typeof lookup(rds, dotted) !== 'function');
    expect(missing).toEqual([]);
  });
});
