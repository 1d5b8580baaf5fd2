// What the story clusterer compares: an item's terms (stems of the title, and of the summary at a
// lower weight) and its entities (taxonomy companies, figures such as "$58 billion", proper nouns).
import { words } from '../text/words.ts';

export interface StoryTerms {
  /** Stem to raw weight (title 1 per occurrence, summary `summaryWeight`), before IDF. */
  terms: Map<string, number>;
  /** Entity keys: "c:nvidia" a company, "n:58billion" a figure, "p:plosser" a proper noun (the clusterer adds "w:sbarro", a word only ever written with a capital). */
  entities: Set<string>;
  /** Stems of title words written with a capital, and of those written in lower case: the clusterer learns from the whole set which words are names. */
  capitalized: string[];
  lowercased: string[];
}

// Function words and the vocabulary of headlines themselves ("says", "report", "update"), by stem.
const STOP = new Set(
  (
    'a an and are as at be been but by can could do does for from had has have he her his how i if in into is it its me more most my new no not of on ' +
    'or our out over she so than that the their them then there these they this those to too up us was we were what when where which who why will with ' +
    'would you your after amid about against before between during under via vs just now also still yet here all any some one two three first last next ' +
    'say says said report reports reported update updates updated watch live video photos exclusive breaking news week today year day time'
  )
    .split(' ')
    .map((w) => (w.length < 3 ? w : words(w)[0]!.stem)),
);

const FIGURE = /(?:[$€£¥]\s?)?\d+(?:[.,]\d+)?\s?(?:%|percent|bn|billion|million|mln|trillion|[mbk]\b)/giu;

/** Whether a headline is written in title case: then capitals do not mark proper nouns. */
function isTitleCase(list: ReturnType<typeof words>): boolean {
  const letters = list.filter((w) => /^\p{L}/u.test(w.text) && w.text.length > 3);
  if (letters.length < 3) return true;
  return letters.filter((w) => /^\p{Lu}/u.test(w.text)).length / letters.length > 0.6;
}

export function storyTerms(title: string, summary: string, companies: readonly string[], summaryWeight = 0.4, summaryWords = 40): StoryTerms {
  const terms = new Map<string, number>();
  const entities = new Set<string>();
  for (const id of companies) entities.add(`c:${id}`);
  const titleWords = words(title);
  const titleCase = isTitleCase(titleWords);
  const capitalized: string[] = [];
  const lowercased: string[] = [];
  titleWords.forEach((w, i) => {
    if (STOP.has(w.stem) || w.stem.length < 2) return;
    if (/^\p{Lu}/u.test(w.text)) capitalized.push(w.stem);
    else if (w.text === w.lower) lowercased.push(w.stem);
    terms.set(w.stem, (terms.get(w.stem) ?? 0) + 1);
    // An all-capitals acronym, a CamelCase name, or a capital word inside a sentence-case headline.
    const proper =
      (/^\p{Lu}{2,}\d*$/u.test(w.text) && w.text.length <= 6) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(w.text) || (!titleCase && i > 0 && /^\p{Lu}/u.test(w.text));
    if (proper) entities.add(`p:${w.stem}`);
  });
  for (const m of title.matchAll(FIGURE)) entities.add(`n:${m[0].toLowerCase().replace(/[\s,]/g, '').replace('percent', '%')}`);
  if (summary) {
    for (const w of words(summary).slice(0, summaryWords)) {
      if (STOP.has(w.stem) || w.stem.length < 2) continue;
      terms.set(w.stem, (terms.get(w.stem) ?? 0) + summaryWeight);
    }
  }
  return { terms, entities, capitalized, lowercased };
}
