// PNG twins of charts for feeds and email, where inline SVG and the site's CSS do not travel: the
// chart's own SVG in the light theme, at 2× (1280 px for a 640-px chart), by resvg as for the cards.
// Fonts: resvg reads TrueType, not the WOFF files the site serves, so Inter comes as TTF from
// @expo-google-fonts/inter. Cached on disk by a hash of the standalone SVG, so only a changed
// chart is rasterised again.
//
// Two steps, so the build can split them: chartTwin (the standalone SVG, its size and its cache key:
// cheap, on the main thread) and chartTwinPng (the cache, else resvg: the cost, which the card
// workers take in a build). Both threads run the same chartTwinPng, so the bytes are the same.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { fileCardCache, type CardCache } from '../cards/cache-fs.ts';
import { encodePng } from '../cards/png.ts';
import { standaloneChartSvg, type Theme } from './raster.ts';
import type { LegendItem } from './types.ts';

export const CHART_PNG_SCALE = 2;
export const DEFAULT_CHART_CACHE = 'node_modules/.cache/substation-charts';
/** Bump when the rasterising changes in a way the SVG hash cannot see. */
const VERSION = '3'; // 3: an opaque twin is an RGB PNG (src/lib/cards/png.ts)

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

/** What a chart's PNG is drawn from, before anything is drawn. */
export interface ChartTwin {
  /** The cache key: a hash of the standalone SVG (and VERSION). */
  key: string;
  /** The standalone SVG resvg rasterises. */
  svg: string;
  /** CSS pixels: the <img> width and height. */
  width: number;
  height: number;
}

export function chartTwin(svg: string, legend: readonly LegendItem[], { root = process.cwd() }: { root?: string } = {}): ChartTwin {
  theme ??= lightTheme(root);
  const standalone = standaloneChartSvg({ svg, legend, theme, font: 'Inter' });
  const key = createHash('sha256').update(VERSION).update(standalone.svg).digest('hex').slice(0, 32);
  return { key, ...standalone };
}

/** The chart cache of a project. */
export const chartCache = (root = process.cwd()): CardCache => fileCardCache(join(root, DEFAULT_CHART_CACHE));

/**
 * The error of a twin that could not be drawn, in the main thread and in a card worker alike:
 * `name` says which chart of which essay, `detail` is what resvg (or the font lookup) said.
 */
export function chartTwinError(name: string, detail: string): Error & { detail: string } {
  const hint = 'Run npm install if a font package is missing; otherwise report it with the chart, whose SVG is our own.';
  return Object.assign(new Error(`${name}: its PNG twin could not be rasterised: ${detail}. ${hint}`), { detail });
}

export interface ChartTwinPngOptions {
  /** Project root, for the font package and the default cache; default the working directory. */
  root?: string;
  /** A cache, or false for none; default the project's (chartCache). */
  cache?: CardCache | false;
  /** The chart, for the error: e.g. `chart "capex" in content/essays/x.mdx`. */
  name?: string;
}

/** A twin's PNG from the cache, or rasterised by resvg into it. */
export function chartTwinPng(
  twin: Pick<ChartTwin, 'key' | 'svg'>,
  { root = process.cwd(), cache, name = 'chart' }: ChartTwinPngOptions = {},
): { png: Buffer; cached: boolean } {
  const store = cache === undefined ? chartCache(root) : cache;
  const hit = store ? store.get(twin.key) : undefined;
  if (hit) return { png: hit, cached: true };
  let png: Buffer;
  try {
    fonts ??= fontFiles(root);
    png = encodePng(
      new Resvg(twin.svg, {
        fitTo: { mode: 'zoom', value: CHART_PNG_SCALE },
        font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'Inter' },
      }).render(),
    );
  } catch (error) {
    throw Object.assign(chartTwinError(name, error instanceof Error ? error.message : String(error)), { cause: error });
  }
  if (store) store.set(twin.key, png);
  return { png, cached: false };
}
