import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { emailContent } from '../../../src/lib/email/content.ts';
import { emailHtml } from '../../../src/lib/email/html.ts';
import { emailText, wrap } from '../../../src/lib/email/text.ts';
import { issue, renderedIssue } from './fixtures.ts';

const html = emailHtml(issue);
const doc = parseHTML(html).document;

describe('emailContent', () => {
  const content = emailContent(renderedIssue, { pageUrl: 'https://substation.example/issues/2/' });

  it('removes script, event handlers and links a mail client must not follow', () => {
    expect(content).not.toMatch(/<script|onclick|javascript:|data-astro/i);
    expect(content).toContain('<a>optics</a>');
    expect(content).toContain('SK hynix clears HBM4 qualification &lt;script&gt;');
  });

  it('makes every link and image absolute, and gives images a width and alt', () => {
    expect(content).toContain('href="https://substation.example/essays/waiting-in-line-for-electrons/"');
    const img = parseHTML(content).document.querySelector('img');
    expect([img?.getAttribute('src'), img?.getAttribute('width'), img?.getAttribute('alt')]).toEqual(['https://substation.example/data/chart.png', '552', '']);
  });

  it('turns sectioning elements into divs, which every client styles', () => {
    expect(content).not.toContain('<article');
    expect(content).toContain('<div class="story">');
  });
});

describe('emailHtml', () => {
  it('has no script, no external stylesheet and no relative URL', () => {
    expect(html).not.toMatch(/<script/i);
    expect(doc.querySelectorAll('link').length).toBe(0);
    const urls = [...doc.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^(https:\/\/|mailto:)/);
  });

  it('inlines the CSS and keeps only the media queries in <style>', () => {
    expect(doc.querySelector('.title')?.getAttribute('style')).toContain('font-size: 28px');
    const styles = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('');
    expect(styles).toContain('prefers-color-scheme: dark');
    expect(styles.replace(/@media[^{]+\{(?:[^{}]*\{[^}]*\})*\s*\}/g, '').trim()).toBe('');
  });

  it('is a table layout with a preheader, light and dark colour schemes, and images with width and alt', () => {
    expect(doc.querySelector('table[role="presentation"] table[width="600"]')).not.toBeNull();
    expect(doc.querySelector('body > div')?.textContent).toMatch(/^Why the interconnection queue matters more than the next GPU\./);
    expect(doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
    for (const img of doc.querySelectorAll('img')) {
      expect(img.getAttribute('width')).toMatch(/^\d+$/);
      expect(img.hasAttribute('alt')).toBe(true);
    }
  });

  it("frames the take's left rule in a table cell with padding, which Outlook for Windows keeps (it ignores a div's)", () => {
    const take = doc.querySelector('.story__take');
    expect(take?.tagName).toBe('TD');
    expect(take?.closest('table')?.getAttribute('role')).toBe('presentation');
    expect(take?.getAttribute('style')).toMatch(/border-left: 3px solid #a8361c; padding: 0 0 0 12px;/);
    expect(take?.textContent).toMatch(/^Qualification turns a roadmap into revenue/);
  });

  it('prints the postal address in the footer when one is configured, and nothing in its place when not', () => {
    const footer = (html: string) => parseHTML(html).document.querySelector('.footer')?.innerHTML ?? '';
    expect(footer(emailHtml({ ...issue, postalAddress: 'Substation Research, 1 Example Street, London' }))).toMatch(
      /Research, not investment advice\.<br>Substation Research, 1 Example Street, London$/,
    );
    expect(footer(html)).toMatch(/Research, not investment advice\.$/);
    expect(emailText({ ...issue, postalAddress: 'Substation Research, 1 Example Street, London' })).toMatch(
      /Research, not investment advice\.\nSubstation Research, 1 Example Street, London\n$/,
    );
  });

  it('renders the fixture issue as in the snapshot', async () => {
    await expect(html).toMatchFileSnapshot('__snapshots__/issue.html');
  });

  it('fits under the 100 KB at which Gmail clips a message', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });
});

describe('emailText', () => {
  it('reads on its own, with the links listed', async () => {
    await expect(emailText(issue)).toMatchFileSnapshot('__snapshots__/issue.txt');
  });

  it('wraps at 72 characters', () => {
    for (const line of emailText(issue).split('\n')) if (!/https?:|mailto:/.test(line)) expect(line.length).toBeLessThanOrEqual(72);
    expect(wrap('one two three four', 9, '- ', '  ')).toBe('- one two\n  three\n  four');
  });
});
