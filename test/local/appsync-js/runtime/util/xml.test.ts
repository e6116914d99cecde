// util.xml.toMap / toJsonString.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { xml } = freshRuntime().util;

describe('xml', () => {
  it('converts the AWS example, with numbers typed', () => {
    const source =
      '<?xml version="1.0" encoding="UTF-8"?>\n<posts>\n<post>\n  <id>1</id>\n  <title>Getting started with GraphQL</title>\n</post>\n</posts>';
    expect(xml.toMap(source)).toEqual({ posts: { post: { id: 1, title: 'Getting started with GraphQL' } } });
  });

  it('converts the AWS example with two posts into an array', () => {
    const source =
      '<?xml version="1.0" encoding="UTF-8"?>\n<posts>\n<post>\n  <id>1</id>\n  <title>Getting started with GraphQL</title>\n</post>\n' +
      '<post>\n  <id>2</id>\n  <title>Getting started with AWS AppSync</title>\n</post>\n</posts>';
    expect(xml.toMap(source)).toEqual({
      posts: {
        post: [
          { id: 1, title: 'Getting started with GraphQL' },
          { id: 2, title: 'Getting started with AWS AppSync' },
        ],
      },
    });
  });

  it('turns repeated elements into arrays', () => {
    const source = '<posts><post><id>1</id></post><post><id>2</id><tag>a</tag><tag>b</tag></post></posts>';
    expect(xml.toMap(source)).toEqual({ posts: { post: [{ id: 1 }, { id: 2, tag: ['a', 'b'] }] } });
  });

  it('keeps attributes, content, CDATA, entities, booleans, null and empty elements', () => {
    const source =
      '<!-- c --><r a="1" b=\'x &amp; y\'>text<flag>TRUE</flag><none>null</none><empty/><code><![CDATA[<b>&]]></code>' +
      '<e>&lt;&#65;&#x42;&gt;</e><zip>01234</zip><big>12345678901234567890</big></r>';
    expect(xml.toMap(source)).toEqual({
      r: {
        a: 1,
        b: 'x & y',
        content: 'text',
        flag: true,
        none: null,
        empty: '',
        code: '<b>&',
        e: '<AB>',
        zip: '01234',
        big: '12345678901234567890',
      },
    });
  });

  it('answers JSON, optionally string-encoded', () => {
    expect(xml.toJsonString('<a><b>1.5</b></a>')).toBe('{"a":{"b":1.5}}');
    expect(xml.toJsonString('<a><b>1.5</b></a>', true)).toBe('"{\\"a\\":{\\"b\\":1.5}}"');
  });

  it('explains malformed XML', () => {
    expect(() => xml.toMap('<a><b></a>')).toThrow('util.xml: mismatched closing tag, expected </b> at position 6');
    expect(() => xml.toMap('<a>')).toThrow('util.xml: unclosed element <a>');
    expect(() => xml.toMap('text')).toThrow('util.xml: expected an element at position 0');
  });
});
