import { describe, expect, it } from 'vitest';
import { canonicalCase } from '../../../src/lib/feeds/element-case.ts';

describe('canonicalCase', () => {
  it("renames RSS's own elements to their specified case, and leaves other names, prefixes, CDATA and comments alone", () => {
    const text = '<Item><PUBDATE>x</PUBDATE><Pubdate/><media:Title>m</media:Title><Titles>t</Titles><![CDATA[<Link>]]><!-- <Link> --></Item>';
    expect(canonicalCase(text)).toBe(
      '<item><pubDate>x</pubDate><pubDate/><media:Title>m</media:Title><Titles>t</Titles><![CDATA[<Link>]]><!-- <Link> --></item>',
    );
  });

  it('returns the document itself when every element is in its case', () => {
    const text = '<rss><channel><item><title>a</title><pubDate>b</pubDate></item></channel></rss>';
    expect(canonicalCase(text)).toBe(text);
  });
});
