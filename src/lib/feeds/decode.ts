// Bytes to text, choosing the charset the way feed readers must: the BOM, then the HTTP header, then
// the XML prolog, falling back to UTF-8 and then to what the bytes look like (chardet), else
// windows-1252. A gzip body that arrived without a Content-Encoding (or a .gz file on disk) is
// inflated first, with the same size cap.
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

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

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

  // A UTF-16 label over bytes that are not UTF-16 (no BOM, and "<?xm" in single bytes: XML 1.0
  // Appendix F) is the wrong-label bug of writers that build XML in a UTF-16 string and save it as
  // UTF-8. Decoding as labelled would turn the whole feed into noise: read the bytes as they are.
  if (declared?.startsWith('utf-16')) return isUtf8(bytes) ? decode('utf-8', 'sniff') : decode(detectCharset(bytes), 'sniff');
  if (declared && declared !== 'utf-8') {
    // A Latin declaration over bytes that are valid UTF-8 (and not plain ASCII) is a wrong prolog.
    if (LATIN.has(declared) && hasHighBytes(bytes) && isUtf8(bytes)) return decode('utf-8', 'sniff');
    return decode(declared, from);
  }
  if (isUtf8(bytes)) return decode('utf-8', declared ? from : 'default');
  // Declared (or defaulted to) UTF-8 but it is not: a prolog that disagrees with the header, else a guess.
  if (prolog && prolog !== 'utf-8') return decode(prolog, 'prolog');
  if (declared) return decode('windows-1252', 'default');
  const detected = detectCharset(bytes);
  return decode(detected, detected === 'windows-1252' ? 'default' : 'sniff');
}
