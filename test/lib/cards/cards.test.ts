// Social cards: fitting long titles, drawing other scripts without tofu, and the content-hash cache.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileCardCache, memoryCardCache } from '../../../src/lib/cards/cache-fs.ts';
import { chartSvg, firstNumericSeries } from '../../../src/lib/cards/chart.ts';
import { coverText } from '../../../src/lib/cards/coverage.ts';
import { fitText } from '../../../src/lib/cards/fit.ts';
import { loadCardFonts } from '../../../src/lib/cards/fonts-fs.ts';
import { cardKey } from '../../../src/lib/cards/hash.ts';
import { createCardRenderer } from '../../../src/lib/cards/renderer-fs.ts';
import { TEMPLATE_VERSION, type CardInput } from '../../../src/lib/cards/template.ts';

const essay: CardInput = {
  kicker: ['Energy', 'Data centres'],
  title: 'Waiting in Line for Electrons',
  dek: 'Grid connections, not chips, decide which data centres get built this decade.',
  byline: 'Theo Lindqvist and Priya Raman',
  date: '1 March 2026',
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer) {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const SIZES = [
  { size: 80, maxLines: 2 },
  { size: 58, maxLines: 3 },
];

describe('fitText', () => {
  it('keeps a short title at the largest size', () => {
    expect(fitText('Heat Is the New Floor Space', { width: 1040, sizes: SIZES })).toMatchObject({
      text: 'Heat Is the New Floor Space',
      size: 80,
      truncated: false,
    });
  });

  it('shrinks a longer title before cutting it', () => {
    const fit = fitText('The Network Is the Computer Again, and the Switch Vendors Know It Better Than Anyone', { width: 1040, sizes: SIZES });
    expect(fit).toMatchObject({ size: 58, truncated: false });
  });

  it('cuts a title that fits at no size with an ellipsis at a word boundary', () => {
    const long =
      'Why the interconnection queue, not the chip supply, decides which data centres get built this decade, where they go, who pays for the substations and who profits from the delay';
    const fit = fitText(long, { width: 1040, sizes: SIZES });
    expect(fit.truncated).toBe(true);
    expect(fit.text.endsWith('…')).toBe(true);
    expect(long.startsWith(fit.text.slice(0, -1))).toBe(true);
    expect(fit.text).not.toMatch(/[\s,]…$/);
  });

  it('breaks CJK text between characters', () => {
    const fit = fitText('半導体の供給網'.repeat(12), { width: 1040, sizes: SIZES });
    expect(fit.truncated).toBe(true);
    expect(fit.size).toBe(58);
  });
});

describe('fonts and coverage', () => {
  const fonts = loadCardFonts();

  it('loads every subset of both families once, with the punctuation editors use', () => {
    expect(loadCardFonts()).toBe(fonts);
    expect(fonts.fonts.length).toBeGreaterThanOrEqual(24);
    for (const ch of '‘’“”—–…•€£¥™©«»·') expect(fonts.latin.covered.has(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('draws Cyrillic, Greek and Vietnamese titles in full', () => {
    for (const title of ['Полупроводники и «узкие места»', 'Ηλεκτρισμός και δίκτυα', 'Chuỗi cung ứng bán dẫn']) {
      expect(coverText(title, fonts.covered)).toEqual({ text: title, dropped: [] });
    }
  });

  it('leaves out characters no font has, rather than drawing tofu, and keeps their punctuation', () => {
    const { text, dropped } = coverText('HBM「半導体」の時代。', fonts.covered);
    expect(text).toBe('HBM“”.');
    expect(dropped).toEqual(['半', '導', '体', 'の', '時', '代']);
  });
});

describe('cards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders a 1200x630 PNG', async () => {
    const png = await createCardRenderer({ cache: false }).render(essay, 'essay');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('renders long, non-Latin and chart cards at the same size, warning once about missing glyphs', async () => {
    const warnings: string[] = [];
    const renderer = createCardRenderer({ cache: false, warn: (m) => warnings.push(m) });
    const inputs: CardInput[] = [
      { ...essay, title: `${essay.title}: ${'a very long subtitle that goes on '.repeat(6)}` },
      { ...essay, title: 'Полупроводники — Ελληνικά — Tiếng Việt — 半導体' },
      { ...essay, chart: { label: 'Queue, GW', values: [120, 180, Number.NaN, 400, 680, 1030] } },
    ];
    for (const input of inputs) expect(pngSize(await renderer.render(input, 'x'))).toEqual({ width: 1200, height: 630 });
    expect(warnings).toEqual(['card x: no font for 半 導 体; they are left out (install a font package such as @fontsource/noto-sans-jp to draw them)']);
  });

  it('renders an unchanged card once: the second build reads it from the cache', async () => {
    const cache = fileCardCache(dir);
    const first = createCardRenderer({ cache });
    const png = await first.render(essay, 'essay');
    expect(first.stats).toEqual({ hits: 0, misses: 1 });
    const second = createCardRenderer({ cache: fileCardCache(dir) });
    expect((await second.render(essay, 'essay')).equals(png)).toBe(true);
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('renders again when anything that shapes the card changes', async () => {
    const cache = memoryCardCache();
    const renderer = createCardRenderer({ cache });
    await renderer.render(essay, 'a');
    await renderer.render({ ...essay, dek: 'A new dek.' }, 'b');
    await renderer.render({ ...essay, chart: { label: 'Queue', values: [1, 2, 3] } }, 'c');
    await renderer.render({ ...essay, chart: { label: 'Queue', values: [1, 2, 4] } }, 'd');
    await renderer.render(essay, 'e');
    expect(renderer.stats).toEqual({ hits: 1, misses: 4 });
    expect(cache.size()).toBe(4);
    const digest = loadCardFonts().digest;
    expect(cardKey(essay, digest)).not.toBe(cardKey(essay, digest, TEMPLATE_VERSION + 1));
    expect(cardKey(essay, digest)).not.toBe(cardKey(essay, `${digest}x`));
  });
});

describe('hero chart', () => {
  it('charts the first numeric column', () => {
    const columns = [
      { name: 'year', type: 'date' },
      { name: 'label', type: 'string' },
      { name: 'gw', type: 'number' },
      { name: 'share', type: 'percent' },
    ];
    const rows = [
      { year: new Date('2020'), label: 'a', gw: 1, share: 5 },
      { year: new Date('2021'), label: 'a', gw: null, share: 6 },
      { year: new Date('2022'), label: 'a', gw: 3, share: 7 },
    ];
    expect(firstNumericSeries(columns, rows)).toEqual([1, Number.NaN, 3]);
    // Long-form data: only the first series, so the line does not zigzag between series.
    const long = [
      { label: 'Solar', gw: 10 },
      { label: 'Wind', gw: 5 },
      { label: 'Solar', gw: 12 },
      { label: 'Wind', gw: 6 },
    ];
    expect(firstNumericSeries(columns, long)).toEqual([10, 12]);
    expect(firstNumericSeries([{ name: 'x', type: 'string' }], [{ x: 'a' }])).toBeUndefined();
    expect(chartSvg({ label: 'x', values: [1, 2, 3] }, 300, 120, '#a8361c')).toContain('<polyline points="6,114 150,60 294,6"');
    expect(chartSvg({ label: 'x', values: [1] }, 300, 120, '#a8361c')).toBe('');
  });
});
