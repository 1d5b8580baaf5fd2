// Headline words as the classifier and the story clusterer compare them: Unicode-normalised,
// lower-cased, dotted acronyms closed up ("U.S." is "us"), possessives dropped ("Nvidia's" is
// "nvidia"), hyphenated compounds split ("data-center" is "data" "center"). Each word carries two
// reduced forms: its Porter stem, which the clusterer compares, and its lemma (inflection removed),
// which taxonomy phrases match, so plurals and inflections need no listing ("cyber attacks", "hacked").
import { stemmer } from 'stemmer';

export interface Word {
  /** The word as written, after Unicode normalisation and acronym and possessive clean-up. */
  text: string;
  /** Lower-cased `text`. */
  lower: string;
  /** Porter stem of `lower`, for comparing stories: "electric" and "electricity" are both "electr". */
  stem: string;
  /**
   * `lower` without its inflection only, for matching taxonomy phrases: "reactors" is "reactor",
   * "hacked" "hack", "utilities" "utility", but "electricity" stays apart from "electric" and
   * "renewables" from "renewed", which the Porter stem would conflate.
   */
  lemma: string;
  /** Offset of the word in the normalised text. */
  index: number;
}

// Letters and digits, with inner apostrophes, dots and decimal points ("don't", "U.S", "3.5").
const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^(?:\p{Lu}\.)+\p{Lu}$/u;

const cache = new Map<string, string>();

/** The Porter stem of a lower-cased word, memoised: headlines repeat a small vocabulary. */
export function stem(lower: string): string {
  let out = cache.get(lower);
  if (out === undefined) {
    out = /\d/.test(lower) || lower.length < 3 ? lower : stemmer(lower);
    if (cache.size > 200_000) cache.clear();
    cache.set(lower, out);
  }
  return out;
}

const KEEP = new Set([
  'news',
  'gas',
  'bus',
  'us',
  'its',
  'has',
  'was',
  'is',
  'this',
  'series',
  'species',
  'physics',
  'politics',
  'economics',
  'analytics',
  'always',
  'perhaps',
  'across',
  'lens',
  'chaos',
  'mars',
  'texas',
  'paris',
  'athens',
  'wales',
]);
const DOUBLE = /([bdfgkmnprt])\1$/;
/** Capitals (and digits) then a lower-case "s": an acronym in the plural. */
const ACRONYM_PLURAL = /^[A-Z][A-Z0-9]+s$/;

/** The inflection-free form of a lower-cased word: plurals, -ed and -ing removed by rule. */
export function lemma(lower: string): string {
  if (lower.length < 4 || KEEP.has(lower) || /\d/.test(lower)) return lower;
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(?:s|x|z|ch|sh)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('s') && !/(?:ss|us|is)$/.test(lower)) return lower.slice(0, -1);
  const undouble = (w: string) => (DOUBLE.test(w) ? w.slice(0, -1) : w);
  if (lower.endsWith('ied') && lower.length > 5) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith('ed') && lower.length > 5) return undouble(lower.slice(0, -2));
  if (lower.endsWith('ing') && lower.length > 6) return undouble(lower.slice(0, -3));
  return lower;
}

/** The words of a text, in order. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const normalised = text.normalize('NFKC');
  for (const match of normalised.matchAll(WORD)) {
    let raw = match[0];
    if (ACRONYM.test(raw)) raw = raw.replaceAll('.', '');
    else raw = raw.replace(/\.$/, '');
    raw = raw.replace(/['’]s?$/u, '');
    if (!raw) continue;
    const lower = raw.toLowerCase();
    // An acronym's plural ("GPUs", "CPUs", "H100s") is its singular: `lemma` keeps "-us" words
    // ("campus", "status") and any word with a digit whole, which lost "GPUs" and "H100s".
    const singular = ACRONYM_PLURAL.test(raw) ? lower.slice(0, -1) : undefined;
    out.push({ text: raw, lower, stem: stem(lower), lemma: singular ?? lemma(lower), index: match.index });
  }
  return out;
}
