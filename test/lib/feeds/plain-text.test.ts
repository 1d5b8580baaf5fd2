import { describe, expect, it } from 'vitest';
import { toPlainText, truncateWords } from '../../../src/lib/feeds/plain-text.ts';

describe('toPlainText', () => {
  it('drops tags, script and style content, and decodes entities', () => {
    expect(toPlainText('<p>Hello&nbsp;<b>world</b></p><script>alert(1)</script><style>p{}</style>&amp; more')).toBe('Hello world & more');
  });

  it('separates block elements with a space', () => {
    expect(toPlainText('<p>one</p><p>two</p>three<br>four')).toBe('one two three four');
  });

  it('strips markup that was escaped twice', () => {
    expect(toPlainText('&lt;script&gt;alert(1)&lt;/script&gt;Text &amp;lt;b&amp;gt;bold')).toBe('Text bold');
  });

  it('keeps a lone "<" that starts no tag', () => {
    expect(toPlainText('a < b and 3<4')).toBe('a < b and 3<4');
  });

  it('drops an unterminated tag rather than keeping half of it', () => {
    expect(toPlainText('safe <img src=x onerror=alert(1)')).toBe('safe');
  });

  it('reads malformed markup as a browser does', () => {
    expect(toPlainText('<p>a<p>b<li>c<li>d')).toBe('a b c d');
    expect(toPlainText('<a title="x>y" href="/">link</a>')).toBe('link');
    expect(toPlainText('<!--> shown <!-- hidden -->')).toBe('shown');
    expect(toPlainText('<script/>alert(1)</script>after')).toBe('after');
    expect(toPlainText('<head><title>T</title><body>Body')).toBe('Body');
    expect(toPlainText('x &amp;lt;b&amp;gt; y')).toBe('x &lt;b&gt; y'); // escaped twice: decoded once, as a browser shows it
  });

  it('is linear on pathological input', () => {
    const evil = '<a '.repeat(50_000) + '<'.repeat(50_000);
    const started = performance.now();
    toPlainText(evil);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('truncateWords', () => {
  it('cuts at a word boundary and marks the cut', () => {
    const text = 'word '.repeat(100).trim();
    const cut = truncateWords(text, 400);
    expect(cut.length).toBeLessThanOrEqual(400);
    expect(cut.endsWith('word…')).toBe(true);
  });

  it('leaves short text alone', () => {
    expect(truncateWords('short', 400)).toBe('short');
  });
});
