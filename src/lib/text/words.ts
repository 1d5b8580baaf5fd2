// Headline words as the classifier and the story clusterer compare them: Unicode-normalised,
// lower-cased, dotted acronyms closed up ("U.S." is "us"), possessives dropped ("Nvidia's" is
// "nvidia"), hyphenated compounds split ("data-center" is "data" "center"), and each word reduced to
// its Porter stem so that plurals and inflections match without listing them ("cyber attacks",
// "hacked", "reactors").
import { stemmer } from 'stemmer';

export interface Word {
  /** The word as written, after Unicode normalisation and acronym and possessive clean-up. */
  text: string;
  /** Lower-cased `text`. */
  lower: string;
  /** Porter stem of `lower`; numbers and words with digits are kept as they are. */
  stem: string;
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
    out.push({ text: raw, lower, stem: stem(lower), index: match.index });
  }
  return out;
}
