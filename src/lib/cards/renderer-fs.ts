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

export interface RenderedCard {
  /** The cache key (see hash.ts): the PNG's file name in a file cache. */
  key: string;
  png: Buffer;
  /** True when the PNG came from the cache rather than from satori and resvg. */
  cached: boolean;
}

export interface CardRenderer {
  render(input: CardInput, name: string): Promise<Buffer>;
  /** As render, with the cache key and whether the cache had it (the card workers report both). */
  card(input: CardInput, name: string): Promise<RenderedCard>;
  stats: { hits: number; misses: number };
}

export function createCardRenderer({ root = process.cwd(), cache, warn = console.warn }: CardRendererOptions = {}): CardRenderer {
  const store = cache === undefined ? fileCardCache(join(root, DEFAULT_CARD_CACHE)) : cache;
  const stats = { hits: 0, misses: 0 };
  const card = async (raw: CardInput, name: string): Promise<RenderedCard> => {
    const fonts = loadCardFonts(root);
    const { input, dropped } = coverInput(raw, fonts.covered);
    if (dropped.length) {
      warn(`card ${name}: no font for ${dropped.join(' ')}; they are left out (install a font package such as @fontsource/noto-sans-jp to draw them)`);
    }
    const key = cardKey(input, fonts.digest);
    const hit = store ? store.get(key) : undefined;
    if (hit) {
      stats.hits++;
      return { key, png: hit, cached: true };
    }
    stats.misses++;
    const png = isLatin(input, fonts.latin.covered)
      ? await renderCardPng(cardTree(input), fonts.latin.fonts)
      : await renderCardPng(cardTree(input, { serif: SERIF_STACK, sans: SANS_STACK }), fonts.fonts);
    if (store) store.set(key, png);
    return { key, png, cached: false };
  };
  return { stats, card, render: async (input, name) => (await card(input, name)).png };
}
