// PNG twins of charts for feeds and email, where inline SVG and the site's CSS do not travel: the
// chart's own SVG in the light theme, at 2× (1280 px for a 640-px chart), by resvg as for the cards.
// Fonts: resvg reads TrueType, not the WOFF files the site serves, so Inter comes as TTF from
// @expo-google-fonts/inter. Cached on disk by a hash of the standalone SVG, so only a changed
// chart is rasterised again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { fileCardCache, type CardCache } from '../cards/cache-fs.ts';
import { standaloneChartSvg, type Theme } from './raster.ts';
import type { LegendItem } from './types.ts';

export const CHART_PNG_SCALE = 2;
export const DEFAULT_CHART_CACHE = 'node_modules/.cache/substation-charts';
/** Bump when the rasterising changes in a way the SVG hash cannot see. */
const VERSION = '1';

let fonts: string[] | undefined;
let theme: Theme | undefined;

function fontFiles(root: string): string[] {
  const require = createRequire(join(root, 'package.json'));
  const dir = join(require.resolve('@expo-google-fonts/inter/package.json'), '..');
  return ['400Regular/Inter_400Regular.ttf', '600SemiBold/Inter_600SemiBold.ttf'].map((f) => join(dir, f));
}

/** The light half of every `--name: light-dark(light, dark)` in the site's token and chart styles. */
export function lightTheme(root: string): Theme {
  const out: Record<string, string> = {};
  for (const file of ['src/styles/tokens.css', 'src/styles/charts.css']) {
    const css = readFileSync(join(root, file), 'utf8');
    for (const m of css.matchAll(/--([\w-]+):\s*light-dark\(\s*(#[0-9a-fA-F]{3,8})\s*,/g)) out[m[1]!] ??= m[2]!;
  }
  return out;
}

export interface ChartPng {
  png: Buffer;
  /** CSS pixels: the <img> width and height. */
  width: number;
  height: number;
}

export function chartPng(svg: string, legend: readonly LegendItem[], { root = process.cwd(), cache }: { root?: string; cache?: CardCache } = {}): ChartPng {
  theme ??= lightTheme(root);
  const standalone = standaloneChartSvg({ svg, legend, theme, font: 'Inter' });
  const key = createHash('sha256').update(VERSION).update(standalone.svg).digest('hex').slice(0, 32);
  const store = cache ?? fileCardCache(join(root, DEFAULT_CHART_CACHE));
  let png = store.get(key);
  if (!png) {
    fonts ??= fontFiles(root);
    png = new Resvg(standalone.svg, {
      fitTo: { mode: 'zoom', value: CHART_PNG_SCALE },
      font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'Inter' },
    })
      .render()
      .asPng();
    store.set(key, png);
  }
  return { png, width: standalone.width, height: standalone.height };
}
