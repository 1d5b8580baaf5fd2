// Cross-source story clusters: near-identical titles from different sources published within 48
// hours are one story. Each item gets the cluster's id (its earliest item's id, so it survives new
// coverage) and size (the number of distinct sources), which the digest ranks by.
// Candidate pairs come from an inverted index of title words, so the cost grows with overlap, not n².
import type { NewsItem } from '../schema/news.ts';
import { storedItem } from './store.ts';

export interface ClusterOptions {
  /** Largest gap between two items' publication times in one cluster, in hours. Default 48. */
  windowHours?: number;
  /** Jaccard similarity of the title word sets needed to join. Default 0.6. */
  threshold?: number;
  /** Shared title words needed at least, so short titles do not join on two words. Default 3. */
  minShared?: number;
}

type Clusterable = Omit<NewsItem, 'clusterId' | 'clusterSize'>;

// Postings longer than this (in the time window) are not used to find candidate pairs.
const MAX_POSTINGS = 64;

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its new of on or over says said than that the their this to up was will with after amid as about out its'.split(' '),
);

/** The distinctive words of a title: lower-cased, punctuation dropped, stopwords removed. */
export function titleWords(title: string): string[] {
  const words = title.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words.map((w) => w.replace(/['’]s$/, '')).filter((w) => !STOPWORDS.has(w)))];
}

/** Chronological order with ties broken by id: the first item of a cluster names it. */
function byTime(a: Clusterable, b: Clusterable): number {
  return a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function clusterItems(items: readonly Clusterable[], options: ClusterOptions = {}): NewsItem[] {
  const { windowHours = 48, threshold = 0.6, minShared = 3 } = options;
  const sorted = [...items].sort(byTime);
  const times = sorted.map((item) => Date.parse(item.published));
  const words = sorted.map((item) => titleWords(item.title));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const index = new Map<string, { list: number[]; head: number }>();
  const windowMs = windowHours * 3_600_000;

  // Shared-word counts per earlier item, reset after each item through the `touched` list.
  const counts = new Int32Array(sorted.length);

  sorted.forEach((item, i) => {
    const touched: number[] = [];
    let common = 0;
    for (const word of words[i]!) {
      const postings = index.get(word);
      if (!postings) continue;
      // Items arrive in time order: skip postings that fell out of the window.
      while (postings.head < postings.list.length && times[i]! - times[postings.list[postings.head]!]! > windowMs) postings.head++;
      // A word this common in the window ("nvidia" on a busy day) is not used to find candidates.
      if (postings.list.length - postings.head > MAX_POSTINGS) {
        common++;
        continue;
      }
      for (let k = postings.head; k < postings.list.length; k++) if (counts[postings.list[k]!]!++ === 0) touched.push(postings.list[k]!);
    }
    for (const j of touched) {
      const bound = counts[j]! + common;
      counts[j] = 0;
      // Most candidates share one word: rule them out before counting exactly.
      if (bound < minShared || bound / (words[i]!.length + words[j]!.length - bound) < threshold || sorted[j]!.source === item.source) continue;
      let shared = 0;
      for (const word of words[j]!) if (words[i]!.includes(word)) shared++;
      if (shared >= minShared && shared / (words[i]!.length + words[j]!.length - shared) >= threshold) parent[find(i)] = find(j);
    }
    for (const word of words[i]!) {
      const postings = index.get(word);
      if (postings) postings.list.push(i);
      else index.set(word, { list: [i], head: 0 });
    }
  });

  const sources = new Map<number, Set<string>>();
  const first = new Map<number, number>();
  sorted.forEach((item, i) => {
    const root = find(i);
    if (!first.has(root)) first.set(root, i);
    (sources.get(root) ?? sources.set(root, new Set()).get(root)!).add(item.source);
  });
  return sorted.map((item, i) => {
    const root = find(i);
    return storedItem(item, sorted[first.get(root)!]!.id, sources.get(root)!.size);
  });
}
