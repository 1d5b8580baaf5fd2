// Bytes to text, choosing the charset the way feed readers must: the BOM, then the HTTP header, then
// the XML prolog, falling back to UTF-8 and then to what the bytes look like (chardet), else
// windows-1252. Bytes that are (mostly) valid UTF-8 overrule a label that says otherwise, because
// legacy-charset text is almost never valid UTF-8 by accident (see overrulesLabel and MOSTLY_UTF8).
// A gzip body that arrived without a Content-Encoding (or a .gz file on disk) is inflated first, with
// the same size cap.
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import { FeedError } from './errors.ts';

export interface DecodeOptions {
  /** The Content-Type header, whose charset parameter is the first declaration to honour. */
  contentType?: string | undefined;
  /** Largest inflated size accepted for a gzip body. Default 10 MiB. */
  maxBytes?: number;
}

export interface Decoded {
  text: string;
  /** The encoding actually used, as a WHATWG label such as "utf-8" or "windows-1251". */
  charset: string;
  /** Where the charset came from. */
  from: 'bom' | 'header' | 'prolog' | 'sniff' | 'default';
}

// Latin declarations (ISO-8859-1, US-ASCII and windows-1252 all map to windows-1252 in WHATWG) are
// often wrong about UTF-8 bytes; when the bytes are valid UTF-8, trust the bytes.
const LATIN = new Set(['windows-1252', 'iso-8859-15']);

function canonical(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined; // an unknown label is as good as none
  }
}

function fromHeader(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function fromProlog(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
}

function fromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM still starts with "<" as a 16-bit unit: 3C 00 or 00 3C. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  let i = 0;
  // Skip UTF-16 whitespace before the first "<".
  while (i + 1 < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09) && bytes[i + 1] === 0) i += 2;
  if (bytes[i] === 0x3c && bytes[i + 1] === 0x00 && bytes[i + 3] === 0x00) return 'utf-16le';
  if (bytes[i] === 0x00 && bytes[i + 1] === 0x3c && bytes[i + 2] === 0x00) return 'utf-16be';
  return undefined;
}

/** The text if the bytes are well-formed UTF-8, else undefined: one native pass that stops at the first error. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

// How much evidence well-formed UTF-8 needs to overrule a non-Latin label (Shift_JIS, EUC-JP, GBK,
// Big5, EUC-KR, KOI8-R, windows-1251, ...). In such text a UTF-8 lead byte (C2-F4) is followed by the
// right number of continuation bytes (80-BF) only by chance: measured on our CJK fixtures about one
// character in five lines up that way, and in Cyrillic charsets, where letters are C0-FF, almost none
// do. So a whole document of n such characters is valid UTF-8 with odds of roughly 0.2^n: a title of
// two characters can be (EUC-KR "체크" is C3 BC C5 A9, UTF-8 "üũ"), four or more practically never.
// A Latin label (the common wrong prolog) needs only one sequence: Latin text valid as UTF-8 would
// have to be spelled like "Ã©".
const MIN_MULTIBYTE = 4;

/** Whether valid UTF-8 bytes should be read as UTF-8 although the label says `declared`. */
function overrulesLabel(bytes: Uint8Array, declared: string): boolean {
  if (LATIN.has(declared)) return hasHighBytes(bytes);
  // In well-formed UTF-8 every byte from C0 up starts a multibyte sequence.
  let multibyte = 0;
  for (let i = 0; i < bytes.length && multibyte < MIN_MULTIBYTE; i++) if (bytes[i]! >= 0xc0) multibyte++;
  if (multibyte >= MIN_MULTIBYTE) return true;
  if (multibyte === 0) return false; // ASCII reads the same either way
  // Fewer sequences are still decisive when the bytes are not even valid in the declared charset.
  try {
    new TextDecoder(declared, { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

// "Mostly UTF-8": a document with at least MOSTLY_UTF8 well-formed multibyte sequences for every
// ill-formed one (and at least MIN_MULTIBYTE of them) is UTF-8 with a few stray bytes, such as a
// windows-1252 apostrophe pasted in or a character cut short by a byte-counting substr. Decoding it
// whole as windows-1252 would garble every other non-ASCII character. Genuine legacy text is far
// from the threshold: windows-1252 and Cyrillic documents have almost no well-formed sequences
// (ratio under 0.05 in our fixtures and real feeds) and EUC-JP, Shift_JIS, GB2312, Big5 and EUC-KR
// about one per four or five ill-formed ones (0.15-0.27), so a ratio of 2 leaves a wide margin.
const MOSTLY_UTF8 = 2;

/**
 * Where the UTF-8 sequence that starts with the high byte at i ends, by the WHATWG decoder's rules;
 * negated when it is ill-formed (a stray byte, or a lead byte with fewer continuation bytes than it
 * needs: the "maximal subpart" that decoder turns into one U+FFFD).
 */
function sequenceEnd(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  let need: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) need = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    need = 2;
    if (lead === 0xe0) lower = 0xa0;
    if (lead === 0xed) upper = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    need = 3;
    if (lead === 0xf0) lower = 0x90;
    if (lead === 0xf4) upper = 0x8f;
  } else return -(i + 1);
  let j = i + 1;
  for (; need > 0; need--, j++) {
    const next = bytes[j];
    if (next === undefined || next < lower || next > upper) return -j;
    lower = 0x80;
    upper = 0xbf;
  }
  return j;
}

interface Utf8Count {
  /** Well-formed sequences of two to four bytes. */
  multibyte: number;
  /** Ill-formed parts (see sequenceEnd). */
  invalid: number;
}

/** One pass, no allocation: how much of the bytes is UTF-8. */
function countUtf8(bytes: Uint8Array): Utf8Count {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    while (i < bytes.length && bytes[i]! < 0x80) i++;
    if (i === bytes.length) break;
    const end = sequenceEnd(bytes, i);
    if (end > 0) multibyte++;
    else invalid++;
    i = Math.abs(end);
  }
  return { multibyte, invalid };
}

const mostlyUtf8 = ({ multibyte, invalid }: Utf8Count) => multibyte >= MIN_MULTIBYTE && multibyte >= MOSTLY_UTF8 * invalid;

// windows-1252 for a stray byte 80-FF, as UTF-8 bytes. WHATWG passes its five unassigned bytes
// (81 8D 8F 90 9D) through as C1 controls; amid UTF-8 text they are noise and show as U+FFFD.
const REPLACEMENT = new TextEncoder().encode('\uFFFD');
const CP1252_HIGH = Array.from(new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i)), (c) =>
  c < '\u00a0' ? REPLACEMENT : new TextEncoder().encode(c),
);

/**
 * UTF-8 with its ill-formed parts repaired, each becoming either one U+FFFD, when it is a UTF-8
 * character cut short (a lead byte with some of its continuation bytes, or a lone lead byte straight
 * after another multibyte character, as in "東京" + E9), or else its byte read as windows-1252 (a
 * lone 0x92 is "’", a lone E9 after ASCII is "é"). The repaired bytes are assembled with native
 * copies and decoded once.
 */
function repairUtf8(bytes: Uint8Array, { invalid }: Utf8Count): string {
  const out = new Uint8Array(bytes.length + 2 * invalid); // a part of 1-3 bytes becomes at most 3
  let size = 0;
  let run = 0; // where the current well-formed run began
  for (let i = 0; i < bytes.length;) {
    while (i < bytes.length && bytes[i]! < 0x80) i++;
    if (i === bytes.length) break;
    const end = sequenceEnd(bytes, i);
    if (end > 0) {
      i = end;
      continue;
    }
    out.set(bytes.subarray(run, i), size);
    size += i - run;
    const lead = bytes[i]!;
    const afterMultibyte = i > run && bytes[i - 1]! >= 0x80; // a high byte ending a well-formed run ends a multibyte character
    const cut = -end - i > 1 || (lead >= 0xc2 && lead <= 0xf4 && afterMultibyte);
    const replacement = cut ? REPLACEMENT : CP1252_HIGH[lead - 0x80]!;
    out.set(replacement, size);
    size += replacement.length;
    i = run = -end;
  }
  out.set(bytes.subarray(run), size);
  size += bytes.length - run;
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.subarray(0, size)); // a U+FEFF mid-document is text
}

// Statistics tell a Latin text from Japanese, Chinese or Cyrillic well, but one Latin charset from
// another poorly; among those, windows-1252 is what the web means by "undeclared".
const LATIN_GUESSES = /^(?:iso-8859-(?:1|2|9|15)|windows-125[024])$/;

/** The charset undeclared, non-UTF-8 bytes look like: EUC-JP, Shift_JIS, GB18030, KOI8-R, ... */
function detectCharset(bytes: Uint8Array): string {
  // The first 64 KiB say as much as the whole document, at a bounded cost.
  const guess = canonical(chardet.detect(bytes.subarray(0, 65_536)) ?? undefined);
  return guess && !LATIN_GUESSES.test(guess) && guess !== 'utf-8' ? guess : 'windows-1252';
}

export function inflateIfGzip(bytes: Uint8Array, maxBytes = 10 * 1024 * 1024): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (cause) {
    const tooLarge = (cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new FeedError(tooLarge ? 'too-large' : 'invalid', tooLarge ? `gzip body inflates past ${maxBytes} bytes` : 'gzip body is corrupt', { cause });
  }
}

export function decodeFeed(input: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bytes = inflateIfGzip(input, options.maxBytes);
  const decode = (charset: string, from: Decoded['from']): Decoded => ({ text: new TextDecoder(charset).decode(bytes), charset, from });

  const bom = fromBom(bytes);
  if (bom) return decode(bom, 'bom');
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decode(utf16, 'sniff');

  const header = canonical(fromHeader(options.contentType));
  const prolog = canonical(fromProlog(bytes));
  const declared = header ?? prolog;
  const from: Decoded['from'] = header ? 'header' : 'prolog';

  const utf8 = strictUtf8(bytes);
  const asUtf8 = (text: string, source: Decoded['from']): Decoded => ({ text, charset: 'utf-8', from: source });

  // A UTF-16 label over bytes that are not UTF-16 (no BOM, and "<?xm" in single bytes: XML 1.0
  // Appendix F) is the wrong-label bug of writers that build XML in a UTF-16 string and save it as
  // UTF-8. Decoding as labelled would turn the whole feed into noise: read the bytes as they are.
  const utf16Label = declared?.startsWith('utf-16') ?? false;
  if (declared && declared !== 'utf-8' && !utf16Label) {
    if (utf8 !== undefined) return overrulesLabel(bytes, declared) ? asUtf8(utf8, 'sniff') : decode(declared, from);
    // A Latin label is as often wrong about UTF-8 with a few stray bytes. A non-Latin label over bytes
    // that are not all UTF-8 is trusted: its own text half-matches UTF-8 by chance (see MIN_MULTIBYTE).
    if (LATIN.has(declared)) {
      const count = countUtf8(bytes);
      if (mostlyUtf8(count)) return asUtf8(repairUtf8(bytes, count), 'sniff');
    }
    return decode(declared, from);
  }
  if (utf8 !== undefined) return asUtf8(utf8, utf16Label ? 'sniff' : declared ? from : 'default');
  // Declared UTF-8 (or UTF-16, or nothing) but it is not: UTF-8 with a few stray bytes, else a prolog
  // that disagrees with the header, else what the bytes look like.
  const count = countUtf8(bytes);
  if (mostlyUtf8(count)) return asUtf8(repairUtf8(bytes, count), declared === 'utf-8' ? from : 'sniff');
  if (prolog && prolog !== 'utf-8' && !prolog.startsWith('utf-16')) return decode(prolog, 'prolog');
  const detected = detectCharset(bytes);
  return decode(detected, detected === 'windows-1252' ? 'default' : 'sniff');
}
