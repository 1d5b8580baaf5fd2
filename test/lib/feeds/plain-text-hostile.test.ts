// Hostile feed HTML through toPlainText: markup meant to smuggle tags, scripts or handlers into a
// field, and input sized to make a parser slow. Plain text comes out, in linear time, and no
// markup survives (test/helpers/markup.ts says what counts). A "<" that starts no markup ("a &lt; b",
// "<AAPL.O>") is text and stays; the pages print every feed field through Astro's escaping
// (test/site/news.test.ts renders a stored "<script>" headline and finds it escaped) and the feeds
// through escapeXml.
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/lib/feeds/plain-text.ts';
import { expectLinear } from '../../helpers/growth.ts';
import { MARKUP } from '../../helpers/markup.ts';

// Each ~1 MB input below is read in about 0.1 s; a quadratic parser needs seconds to minutes. Each is
// also read at a sixteenth of its size, and the two times must grow like the input
// (test/helpers/growth.ts), which a loaded machine cannot fake and a fast one cannot hide.

describe('toPlainText on hostile input', () => {
  it('reads 100,000 nested elements in linear time', () => {
    const nested = (n: number) => toPlainText(`${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}`);
    expect(nested(100_000)).toBe('deep');
    expectLinear(nested, 100_000);
  });

  it('reads 1 MB of unclosed tags and stray end tags in linear time', () => {
    // 100,000 open <b> then 100,000 </i> that match none: a parser that searches its stack of open
    // elements for each end tag does 10^10 comparisons here.
    const unclosed = (n: number) => toPlainText(`x${'<b>'.repeat(n)}${'</i>'.repeat(n)}${'<span><em>'.repeat(n / 2)}y`);
    expect(unclosed(100_000)).toBe('xy');
    expectLinear(unclosed, 100_000);
  });

  it('drops everything after an unclosed <script>, <style> or <noscript>', () => {
    expect(toPlainText('before<script>alert(1) <p>after</p> more')).toBe('before');
    expect(toPlainText('before<style>p { color: red } <p>after</p>')).toBe('before');
    expect(toPlainText('before<noscript><p>after</p>')).toBe('before');
    expect(toPlainText('before<script/>alert(1)')).toBe('before'); // "/>" does not close a script in HTML
  });

  it('does not rebuild a script from pieces', () => {
    const text = toPlainText('<scr<script>ipt>alert(1)</script>tail');
    expect(text).not.toMatch(MARKUP);
    expect(text).toBe('ipt>alert(1)tail'); // the text a browser shows: the element named "scr<script" is dropped
    expect(toPlainText('<<script>script>alert(1)<</script>/script>')).not.toMatch(MARKUP);
  });

  it('treats CDATA in HTML as a comment, never as markup or text', () => {
    expect(toPlainText('<![CDATA[<script>alert(1)</script>]]>after')).toBe('after');
    expect(toPlainText('<p>a</p><![CDATA[<img src=x onerror=alert(1)>')).toBe('a');
  });

  it('reads a ">" inside a quoted attribute as part of the attribute', () => {
    expect(toPlainText('<a title="a>b" href="https://x.example/">link</a>')).toBe('link');
    expect(toPlainText("<img alt='1 > 0' src=x onerror=\"alert('>')\">text")).toBe('text');
  });

  it('never lets an attribute, a handler or a URL out of a tag', () => {
    const text = toPlainText('<a href="javascript:alert(1)" onclick="alert(2)">click</a> <img src=x onerror=alert(3)>');
    expect(text).toBe('click');
  });

  it('keeps "javascript:" written in the text as text', () => {
    expect(toPlainText('<p>Typing javascript:alert(1) in the address bar</p>')).toBe('Typing javascript:alert(1) in the address bar');
  });

  it('decodes huge runs of entities in linear time', () => {
    const amps = (n: number) => toPlainText('&amp;'.repeat(n));
    expect(amps(200_000)).toBe('&'.repeat(200_000));
    expectLinear(amps, 200_000);
    expect(toPlainText(`a ${'&lt;'.repeat(100_000)} b`)).toBe(`a ${'<'.repeat(100_000)} b`);
    // Escaped tags decode to tags, which are then stripped: nothing is left but the text.
    const tags = (n: number) => toPlainText(`${'&lt;b&gt;'.repeat(n)}x`);
    expect(tags(100_000)).toBe('x');
    expectLinear(tags, 100_000);
    expect(toPlainText(`&${'a'.repeat(1_000_000)}`)).toHaveLength(1_000_001);
  });

  it('turns invalid code points into U+FFFD and never outputs a lone surrogate', () => {
    const text = toPlainText('a&#xD800;b&#xDFFF;c&#55296;d&#x110000;e&#0;f&#xD83D;&#xDE00;g');
    expect(text).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD\uFFFDg');
    expect(text.isWellFormed()).toBe(true);
  });

  it('removes NUL and other control characters', () => {
    expect(toPlainText('<p>a\u0000b</p><scr\u0000ipt>c</scr\u0000ipt>\u0007d')).toBe('ab cd'); // "scr\0ipt" is no script
  });

  it('drops an unfinished comment, declaration or tag at the end, and shows none of it', () => {
    expect(toPlainText('safe <!-- <script>alert(1)</script>')).toBe('safe');
    expect(toPlainText('safe <?php echo $secret')).toBe('safe');
    expect(toPlainText('safe <!doctype <img src=x onerror=alert(1)')).toBe('safe');
    expect(toPlainText('safe </3 <img src=x onerror=alert(1)')).toBe('safe');
    expect(toPlainText('safe <scr')).toBe('safe');
  });

  it('leaves no "<" from markup in the output of any hostile input', () => {
    const inputs = [
      '<p>a<p>b<div>c',
      '<b><i>unclosed',
      '</p></div></x>',
      '<svg><script>alert(1)</script></svg>after',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>after',
      '<iframe src="javascript:alert(1)"><p>inside</p></iframe>after',
      '<template><img src=x onerror=alert(1)></template>after',
      '<object data="x"><embed src="x"></object>after',
      '<!--> <script>alert(1)</script> -->',
      '<!----!><script>x</script>',
      '<!DOCTYPE html><html><head><title>t</title><script>x</script></head><body>b</body></html>',
      '<head><style>x</style><body>b',
      '<a href="x"<script>alert(1)</script>',
      '<img src="x` `<script>alert(1)</script>"` `>',
      '<div style="background:url(javascript:alert(1))">d</div>',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
      '&lt;img src=x onerror=alert(1)&gt;',
      '&#60;script&#62;alert(1)&#60;/script&#62;',
      '&#x3C;svg onload=alert(1)&#x3E;',
      '<scr\u0000ipt>alert(1)</script>',
      '<<a>a>b',
      '<a <b <c>>',
      '<p/onclick=alert(1)>text',
      '<br/><br /><br/ >',
      'x<textarea><script>alert(1)</script></textarea>y',
      'x<title><script>alert(1)</script></title>y',
      'x<xmp><b>y</b></xmp>z',
      `${'<a '.repeat(50_000)}${'<'.repeat(50_000)}`,
    ];
    for (const input of inputs) expect(toPlainText(input), input.slice(0, 60)).not.toMatch(MARKUP);
  });

  it('never keeps a tag with an attribute value, quotes, an element name or a control character as text', () => {
    expect(toPlainText('a <x onmouseover=alert(1)>b</x>')).toBe('a b');
    expect(toPlainText(`a <x title='t'>b`)).toBe('a b');
    expect(toPlainText('a <my-widget>b</my-widget> <o:p>c</o:p>')).toBe('a b c');
    expect(toPlainText('a <scr\u0000ipt>alert(1)')).toBe('a alert(1)'); // never "<script>" once NUL goes
    expect(toPlainText('a <x onerror=alert(1)')).toBe('a'); // unfinished, with a value: markup cut off
    // Escaped twice, the element name is found after the first decode, whatever else is around it.
    expect(toPlainText('&lt;AAPL.O&gt; &lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<AAPL.O>');
  });

  it('reads 1 MB of text tags in linear time and keeps them', () => {
    const tickers = (n: number) => toPlainText('<AAPL.O> '.repeat(n));
    expect(tickers(110_000)).toBe('<AAPL.O> '.repeat(110_000).trim());
    expectLinear(tickers, 110_000);
    const words = (n: number) => toPlainText(`<a${' b'.repeat(n)}`); // one unfinished tag of a million bare words
    expect(words(500_000)).toBe('');
    expectLinear(words, 500_000);
  });

  it('keeps a "<" that starts no tag as text', () => {
    expect(toPlainText('<p>1 < 2, 3 &lt; 4, <3 and a &lt; b</p>')).toBe('1 < 2, 3 < 4, <3 and a < b');
  });

  it('strips text that reads as a tag once decoded, as it strips markup escaped twice', () => {
    // "a&lt;b" cannot be told from an escaped "<b ...": it goes, with what follows it up to a ">".
    expect(toPlainText('if a&lt;b then')).toBe('if a');
    expect(toPlainText('if a&lt;b then c&gt;d')).toBe('if ad');
  });
});
