// Phrase matching over headline words (src/lib/text/words.ts): a phrase is a sequence of words, each
// matched without its inflection, so "cyber attack" also finds "cyber attacks" and "data center"
// finds "data-centers". The taxonomy's case rule: a keyword word with a capital after its first letter
// ("HBM", "InfiniBand", "NA" in "High-NA") must appear exactly so (a plural "s" allowed); company
// aliases always match exactly as written ("ARM" the company, not "arm" the limb). A word in double
// quotes matches only that form, in any case: `solar "powered"` finds "Solar-Powered drones" but not
// "solar power", which the lemma alone would conflate ("powered" is "power" without its inflection).
// Phrases are indexed by their first word, so a text only pays for the phrases that could start at
// each of its words: classification cost grows with the text, not with the size of the taxonomy.
import { lemma, words, type Word } from '../text/words.ts';

interface Token {
  /** The word without its inflection (see `lemma`). */
  stem: string;
  /** The exact text required, for case-sensitive words. */
  exact?: string;
  /** The lower-cased form required, for a quoted word. */
  form?: string;
}

export interface Phrase {
  text: string;
  tokens: Token[];
}

/** A phrase found in a text: the words it spans, [start, end). */
export interface Match<T> {
  value: T;
  phrase: Phrase;
  start: number;
  end: number;
}

/** True when the taxonomy's rule makes a keyword case-sensitive: a capital after its first character. */
export function isCaseSensitiveKeyword(keyword: string): boolean {
  return /\p{Lu}/u.test(keyword.slice(1));
}

/** The spans of a phrase written in double quotes, [start, end) offsets. */
function quotedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/"([^"]*)"/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** Why a taxonomy phrase cannot be compiled, or undefined: quotes come in pairs around words. */
export function phraseProblem(text: string): string | undefined {
  if ((text.match(/"/g) ?? []).length % 2) return `'${text}' has an unpaired double quote: quote a word to match only that form, as in solar "powered"`;
  if (quotedSpans(text).some(([start, end]) => words(text.slice(start + 1, end - 1)).length === 0))
    return `'${text}' quotes no word: put the quotes around the word to match only in that form`;
  return undefined;
}

export function compilePhrase(text: string, caseSensitive = false): Phrase {
  // Offsets are in the NFKC form words() reads. The quotes become spaces, so the words keep their
  // offsets and can be told inside a span or not.
  const normalised = text.normalize('NFKC');
  const spans = quotedSpans(normalised);
  const tokens = words(normalised.replaceAll('"', ' ')).map((w): Token => {
    if (spans.some(([start, end]) => w.index > start && w.index < end)) return { stem: w.lemma, form: w.lower };
    const exact = caseSensitive || isCaseSensitiveKeyword(w.text);
    return exact ? { stem: lemma(w.lower), exact: w.text } : { stem: w.lemma };
  });
  return { text, tokens };
}

function tokenMatches(token: Token, word: Word): boolean {
  if (token.exact !== undefined) return word.text === token.exact || word.text === `${token.exact}s`;
  if (token.form !== undefined) return word.lower === token.form;
  return word.lemma === token.stem;
}

function matchAt(phrase: Phrase, list: readonly Word[], start: number): boolean {
  if (start + phrase.tokens.length > list.length) return false;
  return phrase.tokens.every((token, k) => tokenMatches(token, list[start + k]!));
}

/** Whether `phrase` occurs in `text`. */
export function matches(phrase: Phrase, text: string): boolean {
  const list = words(text);
  return list.some((_, i) => matchAt(phrase, list, i));
}

export interface PhraseIndex<T> {
  /** Every occurrence of every phrase in the words of a text, in text order. */
  find(list: readonly Word[]): Match<T>[];
}

/** Indexes phrases by first stem; `find` tests only the phrases that could start at each word. */
export function createPhraseIndex<T>(entries: ReadonlyArray<{ phrase: Phrase; value: T }>): PhraseIndex<T> {
  const byKey = new Map<string, Array<{ phrase: Phrase; value: T }>>();
  for (const entry of entries) {
    const key = entry.phrase.tokens[0]?.stem;
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  }
  return {
    find(list) {
      const found: Match<T>[] = [];
      list.forEach((word, i) => {
        for (const { phrase, value } of byKey.get(word.lemma) ?? []) {
          if (matchAt(phrase, list, i)) found.push({ value, phrase, start: i, end: i + phrase.tokens.length });
        }
      });
      return found;
    },
  };
}
