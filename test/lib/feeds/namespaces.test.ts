import { describe, expect, it } from 'vitest';
import { canonicalPrefixes } from '../../../src/lib/feeds/namespaces.ts';

const DC = 'http://purl.org/dc/elements/1.1/';

describe('canonicalPrefixes', () => {
  it('renames the elements of a known namespace to its usual prefix, opening and closing tags alike', () => {
    const text = `<rss xmlns:d="${DC}"><item><d:date>2026-11-01</d:date><d:creator/></item></rss>`;
    expect(canonicalPrefixes(text)).toBe(`<rss xmlns:d="${DC}"><item><dc:date>2026-11-01</dc:date><dc:creator/></item></rss>`);
  });

  it('leaves CDATA sections and comments as they are', () => {
    const text = `<rss xmlns:d="${DC}"><d:date>x</d:date><![CDATA[<d:date> is text here]]><!-- <d:date> --></rss>`;
    expect(canonicalPrefixes(text)).toBe(`<rss xmlns:d="${DC}"><dc:date>x</dc:date><![CDATA[<d:date> is text here]]><!-- <d:date> --></rss>`);
  });

  it('leaves a document alone that binds the usual prefix to another namespace, or one prefix to two', () => {
    const taken = `<rss xmlns:d="${DC}" xmlns:dc="https://other.example/ns"><d:date>x</d:date></rss>`;
    expect(canonicalPrefixes(taken)).toBe(taken);
    const twice = `<rss xmlns:d="${DC}"><item xmlns:d="https://other.example/ns"><d:date>x</d:date></item></rss>`;
    expect(canonicalPrefixes(twice)).toBe(twice);
  });

  it('renames when the usual prefix is also bound, to the same namespace; and never the namespace it is told to spare', () => {
    const both = `<rss xmlns:d="${DC}" xmlns:dc="${DC}"><d:date>x</d:date></rss>`;
    expect(canonicalPrefixes(both)).toBe(`<rss xmlns:d="${DC}" xmlns:dc="${DC}"><dc:date>x</dc:date></rss>`);
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:a="http://www.w3.org/2005/Atom"><a:title>t</a:title></feed>';
    expect(canonicalPrefixes(atom, 'http://www.w3.org/2005/Atom')).toBe(atom);
    expect(canonicalPrefixes(atom)).toContain('<atom:title>t</atom:title>');
  });

  it('returns the document itself when it declares no known namespace under another prefix', () => {
    const text = `<rss xmlns:dc="${DC}" xmlns:media="http://search.yahoo.com/mrss/"><dc:date>x</dc:date></rss>`;
    expect(canonicalPrefixes(text)).toBe(text);
  });
});
