// Which characters the card fonts can draw, read from each WOFF file's cmap table, so text can be
// cleaned before satori sees it: a character no font covers would otherwise be drawn as a tofu box.
import { inflateSync } from 'node:zlib';

function sfntTable(woff: Buffer, tag: string): Buffer | undefined {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return undefined;
  const count = woff.readUInt16BE(12);
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    if (woff.toString('latin1', at, at + 4) !== tag) continue;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const original = woff.readUInt32BE(at + 12);
    const data = woff.subarray(offset, offset + compressed);
    return compressed < original ? inflateSync(data) : data;
  }
  return undefined;
}

function format4(t: Buffer, at: number, out: Set<number>): void {
  const segs = t.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const ranges = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = t.readUInt16BE(ends + s * 2);
    const start = t.readUInt16BE(starts + s * 2);
    const delta = t.readUInt16BE(deltas + s * 2);
    const rangeOffset = t.readUInt16BE(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = ranges + s * 2 + rangeOffset + (c - start) * 2;
        glyph = g + 2 <= t.length ? t.readUInt16BE(g) : 0;
        if (glyph) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph) out.add(c);
    }
  }
}

function format12(t: Buffer, at: number, out: Set<number>): void {
  const groups = t.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const rec = at + 16 + g * 12;
    const start = t.readUInt32BE(rec);
    const end = t.readUInt32BE(rec + 4);
    for (let c = start; c <= end; c++) if (t.readUInt32BE(rec + 8) + (c - start)) out.add(c);
  }
}

/** Code points a WOFF font maps to a real glyph; empty for a file it cannot read. */
export function fontCoverage(woff: Buffer, out = new Set<number>()): Set<number> {
  const cmap = sfntTable(woff, 'cmap');
  if (!cmap) return out;
  const count = cmap.readUInt16BE(2);
  const subtables: number[] = [];
  for (let i = 0; i < count; i++) subtables.push(cmap.readUInt32BE(4 + i * 8 + 4));
  // Prefer the full-Unicode format 12 when the font has one; format 4 covers the BMP.
  const byFormat = (f: number) => subtables.find((off) => cmap.readUInt16BE(off) === f);
  const f12 = byFormat(12);
  if (f12 !== undefined) format12(cmap, f12, out);
  else {
    const f4 = byFormat(4);
    if (f4 !== undefined) format4(cmap, f4, out);
  }
  return out;
}

// Stand-ins for punctuation common in other scripts, drawn with glyphs every Latin font has.
const STAND_INS: Record<string, string> = {
  '。': '.',
  '、': ',',
  '，': ',',
  '：': ':',
  '；': ';',
  '！': '!',
  '？': '?',
  '（': '(',
  '）': ')',
  '「': '“',
  '」': '”',
  '『': '‘',
  '』': '’',
  '《': '«',
  '》': '»',
  '〈': '‹',
  '〉': '›',
  '・': '·',
  '～': '~',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
};

export interface CoveredText {
  text: string;
  /** Characters that no font could draw and were left out. */
  dropped: string[];
}

/** Text with every character the fonts cannot draw replaced by a stand-in, or left out. */
export function coverText(text: string, covered: ReadonlySet<number>): CoveredText {
  const dropped: string[] = [];
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (covered.has(cp) || ch === ' ' || ch === '\n') out += ch;
    else if (STAND_INS[ch] !== undefined && [...STAND_INS[ch]].every((c) => covered.has(c.codePointAt(0)!) || c === ' ')) out += STAND_INS[ch];
    else if (/\p{M}|\p{Cf}/u.test(ch))
      continue; // a lone combining mark or format character has nothing to show
    else dropped.push(ch);
  }
  return { text: out.replace(/\s{2,}/g, ' ').trim(), dropped };
}
