/**
 * `createPgStatement` and `createMySQLStatement`: render at most two statements into the RDS
 * request, numbering placeholders `:P0`, `:P1`, … across both.
 */
import { RuntimeLimits } from '../constants.js';
import type { RdsRequest } from '../types.js';
import { isStatement, partsOf, type Part } from './fragment.js';
import { isTypeHint } from './type-hint.js';
import { moduleError } from '../module-error.js';

type Engine = 'postgres' | 'mysql';

const QUOTES: Record<Engine, string> = { postgres: '"', mysql: '`' };

/** Quote each dotted segment, `*` included (AWS writes `"persons"."*"`; a bare `*` column is text). */
export function quoteIdentifier(name: string, quote: string): string {
  return name
    .split('.')
    .map((segment) => quote + segment.split(quote).join(quote + quote) + quote)
    .join('.');
}

function render(parts: readonly Part[], engine: Engine, request: RdsRequest): string {
  let statement = '';
  for (const part of parts) {
    if (part.kind === 'text') statement += part.text;
    else if (part.kind === 'ident') statement += quoteIdentifier(part.name, QUOTES[engine]);
    else if (part.kind === 'pgOnly') {
      if (engine === 'mysql') throw moduleError(`MySQL statements do not support ${part.feature}`);
    } else {
      const name = `:P${Object.keys(request.variableMap).length}`;
      if (isTypeHint(part.value)) {
        const hinted = part.value.value;
        // The Data API takes JSON as a string; an object given to typeHint.JSON is serialised.
        request.variableMap[name] = part.value.type === 'JSON' && typeof hinted !== 'string' ? JSON.stringify(hinted) : hinted;
        request.variableTypeHintMap[name] = part.value.type;
      } else {
        request.variableMap[name] = part.value === undefined ? null : part.value;
      }
      statement += name;
    }
  }
  return statement;
}

function create(engine: Engine, name: string, statements: unknown[]): RdsRequest {
  if (statements.length > RuntimeLimits.MAX_RDS_STATEMENTS) {
    throw moduleError(`${name} accepts at most ${RuntimeLimits.MAX_RDS_STATEMENTS} statements`);
  }
  const [first, second] = statements;
  if (statements.length === 0 || first === undefined) throw moduleError(`An argument is expected to be passed to ${name}`);
  const request: RdsRequest = { statements: [], variableMap: {}, variableTypeHintMap: {} };
  for (const statement of second === undefined || second === null ? [first] : [first, second]) {
    if (typeof statement === 'string') request.statements.push(statement);
    else if (isStatement(statement)) request.statements.push(render(partsOf(statement), engine, request));
    else throw moduleError(`Unsupported type is passed as argument to ${name}`);
  }
  return request;
}

/** The `createPgStatement` export of `@aws-appsync/utils/rds`. */
export function createPgStatement(...statements: unknown[]): RdsRequest {
  return create('postgres', 'createPgStatement', statements);
}

/** The `createMySQLStatement` export of `@aws-appsync/utils/rds`. */
export function createMySQLStatement(...statements: unknown[]): RdsRequest {
  return create('mysql', 'createMySQLStatement', statements);
}
