// Phrase matching with word boundaries and the taxonomy's case rules: topic keywords match
// case-insensitively unless they have a capital after the first letter ("HBM", "InfiniBand");
// company aliases always match case-sensitively ("ARM" the company, not "arm" the limb).
// Phrases are indexed by their first word, so a text only pays for the phrases whose first word
// it contains: classification cost grows with the text, not with the size of the taxonomy.

export interface Phrase {
  text: string;
  caseSensitive: boolean;
  /** First word, lower-cased: the index key. */
  key: string;
  pattern: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words of a text, as the index sees them. */
export function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** True when the taxonomy's rule makes a keyword case-sensitive: a capital after its first character. */
export function isCaseSensitiveKeyword(keyword: string): boolean {
  return /\p{Lu}/u.test(keyword.slice(1));
}

export function compilePhrase(text: string, caseSensitive: boolean): Phrase {
  // Spaces in a phrase match any run of whitespace or a hyphen ("data center" ~ "data-center").
  const body = text.trim().split(/\s+/).map(escape).join('[\\s\\u00a0-]+');
  // Letters and digits on either side mean we are inside a longer word ("Intel" in "Intelligence").
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');
  return { text, caseSensitive, key: text.toLowerCase().match(WORD)?.[0] ?? '', pattern };
}

/** Whether `phrase` occurs in `text`. */
export function matches(phrase: Phrase, text: string): boolean {
  return phrase.pattern.test(text);
}

export interface PhraseIndex<T> {
  /** The values of every phrase found in `text`. */
  find(text: string): Set<T>;
}

/** Indexes phrases by first word; `find` tests only the phrases a text could contain. */
export function createPhraseIndex<T>(entries: ReadonlyArray<{ phrase: Phrase; value: T }>): PhraseIndex<T> {
  const byKey = new Map<string, Array<{ phrase: Phrase; value: T }>>();
  for (const entry of entries) {
    const list = byKey.get(entry.phrase.key);
    if (list) list.push(entry);
    else byKey.set(entry.phrase.key, [entry]);
  }
  return {
    find(text) {
      const found = new Set<T>();
      for (const word of words(text)) {
        for (const { phrase, value } of byKey.get(word) ?? []) if (!found.has(value) && phrase.pattern.test(text)) found.add(value);
      }
      return found;
    },
  };
}
