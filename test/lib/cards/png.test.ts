// The PNG encoder the cards and chart twins use: the pixels resvg drew, exactly, as another reader
// (libvips, through sharp) decodes them, against resvg's own encoder.
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadCardFonts } from '../../../src/lib/cards/fonts-fs.ts';
import { encodePng } from '../../../src/lib/cards/png.ts';
import { cardSvg } from '../../../src/lib/cards/render.ts';
import { cardTree } from '../../../src/lib/cards/template.ts';

async function decoded(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Largest difference of any channel of any pixel between the two decoded PNGs. */
async function largestDifference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([decoded(a), decoded(b)]);
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  let most = 0;
  for (let i = 0; i < x.data.length; i++) most = Math.max(most, Math.abs(x.data[i]! - y.data[i]!));
  return most;
}

// Translucent shapes over nothing: tiny-skia keeps these premultiplied, and PNG wants straight alpha.
const TRANSLUCENT = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120">
  <circle cx="60" cy="60" r="50" fill="rgb(200,30,90)" fill-opacity="0.5"/>
  <rect x="100" y="20" width="120" height="80" rx="12" fill="#135" fill-opacity="0.2" stroke="#e07" stroke-width="3"/>
</svg>`;

describe('encodePng', () => {
  it("decodes to resvg's own pixels for a social card", async () => {
    const svg = await cardSvg(
      cardTree({ kicker: ['Energy'], title: 'Waiting in line for electrons', dek: 'Grid connections decide.', byline: 'Theo Lindqvist', date: '1 March 2026' }),
      loadCardFonts().latin.fonts,
    );
    const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    const png = encodePng(image);
    expect(await largestDifference(png, Buffer.from(image.asPng()))).toBe(0);
    // A card has no transparent pixel, so it goes as RGB, smaller than resvg's RGBA file.
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual(['png', 1200, 630, 3, false]);
    expect(png.length).toBeLessThan(image.asPng().length);
  });

  it('un-premultiplies translucent pixels, as the PNG format stores them', async () => {
    const image = new Resvg(TRANSLUCENT, { font: { loadSystemFonts: false } }).render();
    const pixels = image.pixels; // a copy each time it is read
    const alphas = new Set<number>();
    for (let i = 3; i < pixels.length; i += 4) alphas.add(pixels[i]!);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
    // resvg's encoder demultiplies too; rounding may differ by one level at most.
    const png = encodePng(image);
    expect(await largestDifference(png, Buffer.from(image.asPng()))).toBeLessThanOrEqual(1);
    expect((await sharp(png).metadata()).channels).toBe(4);
  });

  it('keeps the alpha channel for a single transparent pixel', async () => {
    const pixels = new Uint8Array(4 * 4 * 4).fill(255);
    pixels[4 * 9 + 3] = 0;
    const png = encodePng({ width: 4, height: 4, pixels });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[4 * 9 + 3]).toBe(0);
    expect(data[4 * 8 + 3]).toBe(255);
  });

  it('reads any width and any byte offset: pixels past the last group of four, and a buffer not on a 4-byte boundary', async () => {
    // 7×3: 21 pixels, five groups of four and one left over; every pixel a different colour.
    const width = 7;
    const height = 3;
    const backing = new Uint8Array(width * height * 4 + 1);
    const pixels = backing.subarray(1); // byteOffset 1
    for (let i = 0; i < width * height; i++) pixels.set([i * 11, 255 - i * 7, (i * 37) % 256, 255], i * 4);
    const { data, info } = await sharp(encodePng({ width, height, pixels })).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect([...data]).toEqual([...pixels].filter((_, i) => i % 4 !== 3));
    // The one pixel left over is the only one not opaque: it is still seen, and the alpha kept.
    pixels[(width * height - 1) * 4 + 3] = 128;
    expect((await sharp(encodePng({ width, height, pixels })).metadata()).channels).toBe(4);
  });

  it('refuses pixels that do not fill width × height, naming both', () => {
    expect(() => encodePng({ width: 10, height: 10, pixels: new Uint8Array(399) })).toThrow(/399 bytes for 10×10 RGBA \(expected 400\)/);
  });
});
