// The card pipeline for a build: fonts loaded once, text cleaned of characters no font can draw,
// then the cache by content hash, and only on a miss satori and resvg.
import { join } from 'node:path';
import { DEFAULT_CARD_CACHE, fileCardCache, type CardCache } from './cache-fs.ts';
import { loadCardFonts, SANS_STACK, SERIF_STACK } from './fonts-fs.ts';
import { cardKey } from './hash.ts';
import { renderCardPng } from './render.ts';
import { cardTree, coverInput, type CardInput } from './template.ts';

function isLatin(input: CardInput, covered: ReadonlySet<number>): boolean {
  const text = [...input.kicker, input.title, input.dek, input.byline, input.date, input.footer, input.chart?.label].join(' ');
  for (const ch of text) if (ch !== ' ' && !covered.has(ch.codePointAt(0)!)) return false;
  return true;
}

export interface CardRendererOptions {
  /** Project root, for font packages and the default cache folder; default the working directory. */
  root?: string;
  /** A cache, or false for none; default a file cache in node_modules/.cache/substation-cards. */
  cache?: CardCache | false;
  /** Told once per card whose text had characters no font covers. */
  warn?: (message: string) => void;
}

export interface CardRenderer {
  render(input: CardInput, name: string): Promise<Buffer>;
  stats: { hits: number; misses: number };
}

export function createCardRenderer({ root = process.cwd(), cache, warn = console.warn }: CardRendererOptions = {}): CardRenderer {
  const store = cache === undefined ? fileCardCache(join(root, DEFAULT_CARD_CACHE)) : cache;
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    async render(raw, name) {
      const fonts = loadCardFonts(root);
      const { input, dropped } = coverInput(raw, fonts.covered);
      if (dropped.length) {
        warn(`card ${name}: no font for ${dropped.join(' ')}; they are left out (install a font package such as @fontsource/noto-sans-jp to draw them)`);
      }
      const key = cardKey(input, fonts.digest);
      const hit = store ? store.get(key) : undefined;
      if (hit) {
        stats.hits++;
        return hit;
      }
      stats.misses++;
      const png = isLatin(input, fonts.latin.covered)
        ? await renderCardPng(cardTree(input), fonts.latin.fonts)
        : await renderCardPng(cardTree(input, { serif: SERIF_STACK, sans: SANS_STACK }), fonts.fonts);
      if (store) store.set(key, png);
      return png;
    },
  };
}
