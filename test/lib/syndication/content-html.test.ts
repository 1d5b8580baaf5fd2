// Essay HTML made safe and self-contained for feed readers.
import { describe, expect, it } from 'vitest';
import { prepareContentHtml } from '../../../src/lib/syndication/content-html.ts';

const pageUrl = 'https://substation.example/essays/heat/';
const prepare = (html: string) => prepareContentHtml(html, { pageUrl });

describe('prepareContentHtml', () => {
  it('makes links, images and srcsets absolute, fragments included', () => {
    const out = prepare(
      '<p><a href="/topics/energy/">energy</a> <a href="#fn-1">1</a> <a href="../other/">o</a></p>' +
        '<img src="/data/chart.svg" srcset="/a.png 1x, b.png 2x" alt="">',
    );
    expect(out).toContain('href="https://substation.example/topics/energy/"');
    expect(out).toContain('href="https://substation.example/essays/heat/#fn-1"');
    expect(out).toContain('href="https://substation.example/essays/other/"');
    expect(out).toContain('src="https://substation.example/data/chart.svg"');
    expect(out).toContain('srcset="https://substation.example/a.png 1x, https://substation.example/essays/heat/b.png 2x"');
  });

  it('removes scripts, event handlers, javascript: links, styles and comments', () => {
    const out = prepare(
      '<p onclick="x()">a<script>alert(1)</script><!--[if astro]>island<![endif]--></p>' +
        '<a href="javascript:alert(1)">b</a><style>p{}</style><iframe src="https://evil.example"></iframe>',
    );
    expect(out).toBe('<p>a</p><a>b</a>');
  });

  it('keeps absolute external links and inline SVG charts as they are', () => {
    const svg = '<svg viewBox="0 0 10 10" role="img"><title>t</title><path d="M0 0h10"></path></svg>';
    const out = prepare(`<p><a href="https://www.rand.org/x.html">RAND</a></p>${svg}`);
    expect(out).toContain('href="https://www.rand.org/x.html"');
    expect(out).toContain('<path d="M0 0h10"');
    expect(out).toContain('</svg>');
  });
});
