// A chart's SVG made standalone for rasterising: no stylesheet reaches it there, so every colour
// the site gives through custom properties is written in (the light theme), the legend the page
// draws in HTML is drawn into the image, and the background is filled. Pure: the theme comes in.
import type { LegendItem } from './types.ts';

/** Custom property name (without --) to a colour, e.g. { "series-1": "#0072b2", ink: "#1b1a17" }. */
export type Theme = Readonly<Record<string, string>>;

export interface RasterInput {
  /** The chart's SVG as the page embeds it (its wide version). */
  svg: string;
  legend: readonly LegendItem[];
  theme: Theme;
  /** Font family the rasteriser has loaded. */
  font: string;
}

const LEGEND_FONT = 13;
const SWATCH = 11;

function resolve(value: string, theme: Theme): string {
  return value.replace(/var\(--([\w-]+)\)/g, (_, name: string) => theme[name] ?? '#000000').replace(/currentColor/g, theme.ink ?? '#000000');
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Legend rows laid out left to right, wrapping at the chart's width; widths estimated from the font size. */
function legendSvg(items: readonly LegendItem[], width: number, theme: Theme): { svg: string; height: number } {
  if (!items.length) return { svg: '', height: 0 };
  const parts: string[] = [];
  let x = 8;
  let y = 10;
  for (const item of items) {
    const w = SWATCH + 6 + Math.ceil(item.label.length * LEGEND_FONT * 0.56) + 18;
    if (x + w > width && x > 8) {
      x = 8;
      y += LEGEND_FONT + 8;
    }
    const color = resolve(item.color, theme);
    const ink = item.muted ? (theme.muted ?? '#666666') : (theme.ink ?? '#000000');
    parts.push(`<rect x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" rx="2" fill="${color}"/>`);
    parts.push(`<text x="${x + SWATCH + 6}" y="${y + SWATCH - 1}" font-size="${LEGEND_FONT}" fill="${ink}">${escapeXml(item.label)}</text>`);
    x += w;
  }
  return { svg: parts.join(''), height: y + SWATCH + 10 };
}

export function standaloneChartSvg({ svg, legend, theme, font }: RasterInput): { svg: string; width: number; height: number } {
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = Number(viewBox?.[1] ?? 640);
  const height = Number(viewBox?.[2] ?? 360);
  const head = legendSvg(legend, width, theme);
  // Grid lines take the rule colour at full opacity, as charts.css gives them on the page.
  const chart = resolve(svg, theme)
    .replace(/<title[\s\S]*?<\/title>|<desc[\s\S]*?<\/desc>/g, '')
    .replace(/(<g data-mark="[xy]-grid")([^>]*?) stroke-opacity="[\d.]+" stroke="[^"]*"/g, `$1$2 stroke-opacity="1" stroke="${theme.rule ?? '#dddddd'}"`)
    .replace(/^<svg\b/, `<svg x="0" y="${head.height}"`);
  const total = height + head.height;
  return {
    width,
    height: total,
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${font}" fill="${theme.ink ?? '#000000'}">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>${head.svg}${chart}</svg>`,
  };
}
