// SVG by satori, pixels by resvg, PNG by encodePng (png.ts). Pure CPU: fonts and the element tree
// come in, bytes go out.
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
import { encodePng } from './png.ts';
import type { CardNode } from './template.ts';

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 600;
  style: 'normal';
}

export async function cardSvg(tree: CardNode, fonts: CardFont[]): Promise<string> {
  // satori's element type is React's; our tree is the same plain {type, props} shape without React.
  return satori(tree as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    // Characters outside every loaded font (e.g. CJK) are drawn from nothing rather than a tofu box;
    // returning no extra font here keeps the build offline and deterministic.
    loadAdditionalAsset: async () => [],
  });
}

export function svgToPng(svg: string): Buffer {
  return encodePng(new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render());
}

export async function renderCardPng(tree: CardNode, fonts: CardFont[]): Promise<Buffer> {
  const png = svgToPng(await cardSvg(tree, fonts));
  // resvg's native images are freed by finalizers that Node runs from the event loop's check phase;
  // a loop that only awaits promises never gets there and grows by ~4 MB a card (2 GB for 500).
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}
