import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../../local/plugins/data-api/index.js';

describe('splitSqlStatements', () => {
  it('splits on semicolons and trims, dropping empty and comment-only statements', () => {
    expect(splitSqlStatements('create table t(a int);\n\n insert into t values (1) ;;\n-- the end\n')).toEqual([
      'create table t(a int)',
      'insert into t values (1)',
    ]);
  });

  it('keeps semicolons inside literals, quoted identifiers and comments', () => {
    const sql = `select 'a;b', E'it\\'s;', "we;ird" from t /* x; /* nested; */ y; */ where a = 1 -- c;\n; select 2`;
    expect(splitSqlStatements(sql)).toEqual([sql.slice(0, sql.indexOf('\n;') + 1).trim(), 'select 2']);
  });

  it('keeps dollar-quoted function bodies whole', () => {
    const fn = `create function f() returns int language plpgsql as $body$ begin perform 1; return 2; end $body$`;
    const anon = `do $$ begin raise notice 'x;'; end $$`;
    expect(splitSqlStatements(`${fn};\n${anon};`)).toEqual([fn, anon]);
  });

  it('keeps SQL-standard BEGIN ATOMIC bodies whole, CASE ... END included', () => {
    const fn = `create function g(x int) returns int begin atomic select case when x > 0 then 1 else 0 end; select 2; end`;
    expect(splitSqlStatements(`${fn}; select 3;`)).toEqual([fn, 'select 3']);
  });

  it('does not mistake casts, positional params or identifiers with $ for anything', () => {
    expect(splitSqlStatements('select a$b::text, $1::int from t; select 1')).toEqual(['select a$b::text, $1::int from t', 'select 1']);
  });
});

describe('splitSqlStatements on awkward input', () => {
  it('handles escaped quotes, unterminated literals and empty input', () => {
    expect(splitSqlStatements("select 'it''s;'; select E'a\\\\'; select 2")).toEqual(["select 'it''s;'", "select E'a\\\\'", 'select 2']);
    expect(splitSqlStatements("select 'never closed; select 2")).toEqual(["select 'never closed; select 2"]);
    expect(splitSqlStatements('  ;; -- nothing\n/* at all */ ')).toEqual([]);
  });
});
