/**
 * `util.xml.toMap` / `toJsonString`: XML → plain object with the conventions of org.json's
 * `XML.toJSONObject`, which match AWS's documented example (our choice beyond it): an element
 * holding only text becomes that text (numbers, `true`/`false` and `null` converted), repeated
 * elements become arrays, attributes become keys, and text beside attributes or children goes
 * under `content`.
 * Comments, processing instructions and DOCTYPE are skipped; CDATA is text.
 */

type XmlValue = string | number | boolean | null | XmlObject | XmlValue[];
interface XmlObject {
  [key: string]: XmlValue;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** org.json's reading of a text value. */
function typed(text: string): XmlValue {
  if (text === '') return '';
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (NUMBER.test(text)) {
    const parsed = Number(text);
    if (Number.isFinite(parsed) && (!Number.isInteger(parsed) || Number.isSafeInteger(parsed))) return parsed;
  }
  return text;
}

function accumulate(target: XmlObject, key: string, value: XmlValue): void {
  if (!(key in target)) target[key] = value;
  else if (Array.isArray(target[key])) (target[key] as XmlValue[]).push(value);
  else target[key] = [target[key] as XmlValue, value];
}

class XmlReader {
  index = 0;
  constructor(readonly source: string) {}

  fail(message: string): never {
    throw new Error(`util.xml: ${message} at position ${this.index}`);
  }

  skipMisc(): void {
    for (;;) {
      const rest = this.source.slice(this.index);
      const skip =
        /^\s+/.exec(rest)?.[0].length ??
        (rest.startsWith('<?')
          ? this.until('?>')
          : rest.startsWith('<!--')
            ? this.until('-->')
            : rest.startsWith('<!DOCTYPE')
              ? this.until('>')
              : 0);
      if (!skip) return;
      this.index += skip;
    }
  }

  until(end: string): number {
    const close = this.source.indexOf(end, this.index);
    if (close < 0) this.fail(`missing "${end}"`);
    return close + end.length - this.index;
  }

  /** Read one element at `<`; answers its name and value. */
  element(): [string, XmlValue] {
    const open = /^<([A-Za-z_:][\w:.-]*)/.exec(this.source.slice(this.index));
    if (!open) this.fail('expected an element');
    const name = open[1] as string;
    this.index += open[0].length;
    const node: XmlObject = {};
    for (;;) {
      const attribute = /^\s+([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(this.source.slice(this.index));
      if (!attribute) break;
      accumulate(node, attribute[1] as string, typed(decodeEntities(attribute[3] ?? attribute[4] ?? '')));
      this.index += attribute[0].length;
    }
    const end = /^\s*(\/?)>/.exec(this.source.slice(this.index));
    if (!end) this.fail(`malformed start tag <${name}>`);
    this.index += end[0].length;
    if (end[1] === '/') return [name, Object.keys(node).length ? node : ''];
    const texts: string[] = [];
    for (;;) {
      if (this.index >= this.source.length) this.fail(`unclosed element <${name}>`);
      const rest = this.source.slice(this.index);
      if (rest.startsWith('</')) {
        const close = /^<\/([^\s>]+)\s*>/.exec(rest);
        if (!close || close[1] !== name) this.fail(`mismatched closing tag, expected </${name}>`);
        this.index += close[0].length;
        break;
      }
      if (rest.startsWith('<![CDATA[')) {
        const length = this.until(']]>');
        texts.push(this.source.slice(this.index + 9, this.index + length - 3));
        this.index += length;
      } else if (rest.startsWith('<!--') || rest.startsWith('<?')) {
        this.index += this.until(rest.startsWith('<?') ? '?>' : '-->');
      } else if (rest.startsWith('<')) {
        const [childName, childValue] = this.element();
        accumulate(node, childName, childValue);
      } else {
        const length = rest.indexOf('<') < 0 ? rest.length : rest.indexOf('<');
        const text = decodeEntities(rest.slice(0, length)).trim();
        if (text) texts.push(text);
        this.index += length;
      }
    }
    for (const text of texts) accumulate(node, 'content', typed(text));
    const keys = Object.keys(node);
    if (keys.length === 0) return [name, ''];
    if (keys.length === 1 && keys[0] === 'content' && texts.length === 1) return [name, node.content as XmlValue];
    return [name, node];
  }
}

/** `util.xml.toMap`: the XML document as an object; throws on malformed XML. */
export function xmlToMap(xml: string): Record<string, unknown> | null {
  const reader = new XmlReader(String(xml));
  const root: XmlObject = {};
  reader.skipMisc();
  while (reader.index < reader.source.length) {
    const [name, value] = reader.element();
    accumulate(root, name, value);
    reader.skipMisc();
  }
  return root;
}

/** `util.xml.toJsonString`: the map as JSON; with `stringEncode`, that JSON as a JSON string. */
export function xmlToJsonString(xml: string, stringEncode?: boolean): string {
  const json = JSON.stringify(xmlToMap(xml));
  return stringEncode ? JSON.stringify(json) : json;
}
