/**
 * `util.transform.toElasticsearchQueryDSL`: a filter object → an OpenSearch bool query, as
 * a JSON string. Terms of one object are ANDed (`bool.must`), `or` becomes `bool.should`, `not`
 * `bool.must_not`; a field with several operators is its own `bool.must`, as in the d.ts example.
 * An object with a single term is that term, unwrapped (our choice; the example has two).
 */

type Query = Record<string, unknown>;

const isObject = (candidate: unknown): candidate is Record<string, unknown> =>
  typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);

function operation(field: string, operator: string, operand: unknown): Query {
  switch (operator) {
    case 'eq':
      return { term: { [field]: operand } };
    case 'ne':
      return { bool: { must_not: { term: { [field]: operand } } } };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { range: { [field]: { [operator]: operand } } };
    case 'range': {
      if (!Array.isArray(operand) || operand.length !== 2) throw new Error(`toElasticsearchQueryDSL: "range" on ${field} needs [from, to]`);
      return { range: { [field]: { gte: operand[0], lte: operand[1] } } };
    }
    case 'match':
      return { match: { [field]: operand } };
    case 'matchPhrase':
      return { match_phrase: { [field]: operand } };
    case 'matchPhrasePrefix':
      return { match_phrase_prefix: { [field]: operand } };
    case 'multiMatch':
      return { multi_match: { query: operand, fields: [field] } };
    case 'wildcard':
      return { wildcard: { [field]: operand } };
    case 'regexp':
      return { regexp: { [field]: operand } };
    case 'exists':
      return operand === false ? { bool: { must_not: { exists: { field } } } } : { exists: { field } };
  }
  throw new Error(`toElasticsearchQueryDSL: unsupported operator "${operator}" on ${field}`);
}

function combine(kind: 'must' | 'should', terms: Query[]): Query {
  return terms.length === 1 ? (terms[0] as Query) : { bool: { [kind]: terms } };
}

function query(filter: unknown): Query {
  if (!isObject(filter)) throw new Error('toElasticsearchQueryDSL needs a filter object');
  const terms = Object.keys(filter).map((key): Query => {
    const operand = filter[key];
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(operand)) throw new Error(`toElasticsearchQueryDSL: "${key}" needs a list`);
      return { bool: { [key === 'and' ? 'must' : 'should']: operand.map(query) } };
    }
    if (key === 'not') return { bool: { must_not: query(operand) } };
    if (!isObject(operand)) throw new Error(`toElasticsearchQueryDSL: the condition on ${key} must be an object of operators`);
    const operations = Object.keys(operand).map((operator) => operation(key, operator, operand[operator]));
    return combine('must', operations);
  });
  return terms.length === 1 ? (terms[0] as Query) : { bool: { must: terms } };
}

/** The OpenSearch query for `filter`, as a JSON string. */
export function toElasticsearchQueryDSL(filter: unknown): string {
  return JSON.stringify(query(filter));
}
