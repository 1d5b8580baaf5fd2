import { describe, expect, it } from 'vitest';
import { toPlainText, truncateWords } from '../../../src/lib/feeds/plain-text.ts';
import { expectLinear } from '../../helpers/growth.ts';

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

  it('keeps a start tag that names no element as text: tickers, addresses, nicks, code', () => {
    expect(toPlainText('Apple Inc <AAPL.O> beats; Toyota <7203.T> and the euro <EUR=> slip')).toBe(
      'Apple Inc <AAPL.O> beats; Toyota <7203.T> and the euro <EUR=> slip',
    );
    expect(toPlainText('<p>Signed-off-by: bot <bot@example.com></p>')).toBe('Signed-off-by: bot <bot@example.com>');
    expect(toPlainText('&lt;L29Ah&gt; yay &lt;Minoru&gt; vector&lt;int&gt;')).toBe('<L29Ah> yay <Minoru> vector<int>');
    expect(toPlainText('EPS <est as costs rise')).toBe('EPS <est as costs rise'); // unfinished, at the end
    expect(toPlainText('<b>Bold</b> <FONT color=red>red</FONT> <blink>old</blink>')).toBe('Bold red old'); // elements, any case or age
    // A ticker spelled like an element is read as one: "<B>" is bold, not Barnes Group.
    expect(toPlainText('Barnes <B> rises')).toBe('Barnes rises');
  });

  it('drops an unterminated tag rather than keeping half of it', () => {
    expect(toPlainText('safe <img src=x onerror=alert(1)')).toBe('safe');
    expect(toPlainText('safe <scr')).toBe('safe'); // cut inside what may be an element's name
    expect(toPlainText('safe <AAPL')).toBe('safe <AAPL'); // no element's name starts so
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
    expectLinear((n) => toPlainText('<a '.repeat(n) + '<'.repeat(n)), 50_000);
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
