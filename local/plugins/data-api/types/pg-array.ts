/**
 * Parses PostgreSQL's text form of a one-dimensional array (`{1,NULL,"a b"}`) into its element
 * texts (`null` for NULL). Returns undefined for a multi-dimensional array, which the Data API
 * refuses.
 */
export function parsePgArray(text: string): (string | null)[] | undefined {
  // A lower bound other than 1 is written as a dimension prefix: `[0:2]={...}`.
  const body = text.startsWith('[') ? text.slice(text.indexOf('=') + 1) : text;
  if (body.startsWith('{{') || /^\[\d+:\d+\]\[/.test(text)) return undefined;
  const elements: (string | null)[] = [];
  if (body === '{}') return elements;
  let i = 1;
  while (i < body.length) {
    if (body[i] === '"') {
      let value = '';
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        value += body[i];
        i++;
      }
      elements.push(value);
      i += 2; // closing quote and the delimiter (or closing brace)
    } else {
      let end = i;
      while (end < body.length && body[end] !== ',' && body[end] !== '}') end++;
      const raw = body.slice(i, end);
      if (raw.startsWith('{')) return undefined;
      elements.push(raw === 'NULL' ? null : raw);
      i = end + 1;
    }
  }
  return elements;
}
