// A card's cache key: everything that shapes its pixels. The input carries the text and the chart
// data; the template version covers layout changes; the font digest covers font upgrades.
import { createHash } from 'node:crypto';
import { TEMPLATE_VERSION, type CardInput } from './template.ts';

export function cardKey(input: CardInput, fontDigest: string, templateVersion = TEMPLATE_VERSION): string {
  return createHash('sha256')
    .update(JSON.stringify([templateVersion, fontDigest, input]))
    .digest('hex')
    .slice(0, 32);
}
