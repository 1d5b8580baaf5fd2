// Cross-source story clusters. Items are taken in time order; each joins the cluster whose centroid
// it is most similar to, or starts a new one. Similarity is the cosine between TF-IDF vectors of
// stemmed title words (summary words at a lower weight), where a word's IDF is its rarity among the
// items published within the window around the item, so "nvidia" on a busy Nvidia day counts for
// little. A shared entity (a taxonomy company, a figure, a proper noun) lowers the bar. Matching the
// centroid rather than any one member means a single bridging headline cannot chain two stories.
// Candidates come from an inverted index of terms to clusters, scanning each term's most recent
// clusters within the window: a common word still finds the big story of the day.
// Each item gets the cluster's id (its earliest item's id, stable as coverage grows) and size (the
// number of distinct sources), which the digest ranks by.
import type { NewsItem } from '../schema/news.ts';
import { Centroid } from './centroid.ts';
import { storedItem } from './store.ts';
import { storyTerms } from './story-terms.ts';

export interface ClusterOptions {
  /** Longest span of a story, from its first item, and the IDF window either side of an item, in hours. Default 48. */
  windowHours?: number;
  /** Cosine similarity to the cluster centroid needed to join. Default 0.3. */
  threshold?: number;
  /** The bar when the item shares an entity with at least half of the cluster. Default 0.2. */
  entityThreshold?: number;
  /** The bar when the item names only companies or names the cluster never does, and half the cluster names one. Default 0.5. */
  conflictThreshold?: number;
  /** Most recent clusters scanned per term. Default 256. */
  maxScan?: number;
  /** Terms the item must share with the cluster at least: one common word is not a story. Default 2. */
  minShared?: number;
}

type Clusterable = Omit<NewsItem, 'clusterId' | 'clusterSize'>;

interface Cluster {
  /** Index of its earliest item in time order. */
  first: number;
  /** Sum of its members' unit vectors, by term id. */
  centroid: Centroid;
  /** Squared length of the centroid, kept as members join. */
  norm2: number;
  size: number;
  /** How many members name each entity. */
  entities: Map<string, number>;
  /** How many members name its most named company or name (not a figure): at half its size or more, the cluster is about someone. */
  topName: number;
}

/** The items in chronological order with ties broken by id (the first item of a cluster names it), and their times. */
function byTime(items: readonly Clusterable[]): { sorted: Clusterable[]; times: Float64Array } {
  const parsed = items.map((item) => Date.parse(item.published));
  const order = items.map((_, i) => i);
  order.sort((a, b) => parsed[a]! - parsed[b]! || (items[a]!.id < items[b]!.id ? -1 : items[a]!.id > items[b]!.id ? 1 : 0));
  return { sorted: order.map((i) => items[i]!), times: Float64Array.from(order, (i) => parsed[i]!) };
}

export function clusterItems(items: readonly Clusterable[], options: ClusterOptions = {}): NewsItem[] {
  // Defaults measured on the UCI News Aggregator (npm run eval:cluster): see the README.
  const { windowHours = 48, threshold = 0.3, entityThreshold = 0.2, conflictThreshold = 0.5, maxScan = 256, minShared = 2 } = options;
  const windowMs = windowHours * 3_600_000;
  const { sorted, times } = byTime(items);

  // Terms interned as integers, item k's in termOf[start[k]] to termOf[start[k + 1]] with their raw
  // weights: flat arrays instead of per-item maps keep 100,000 items in little memory.
  const termIds = new Map<string, number>();
  const termOf: number[] = [];
  const rawWeight: number[] = [];
  const start = new Int32Array(sorted.length + 1);
  // Words the whole set writes with a capital and never in lower case are names ("Sbarro", "Gox"),
  // even as the first word of a headline, where a capital says nothing.
  const capitals = new Map<string, number>();
  const lowers = new Set<string>();
  const capitalizedOf: string[][] = [];
  const features = sorted.map((item, i) => {
    const { terms, entities, capitalized, lowercased } = storyTerms(item.title, item.summary, item.companies);
    for (const s of capitalized) capitals.set(s, (capitals.get(s) ?? 0) + 1);
    for (const s of lowercased) lowers.add(s);
    capitalizedOf.push(capitalized);
    for (const [term, weight] of terms) {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termIds.size));
      termOf.push(id);
      rawWeight.push(weight);
    }
    start[i + 1] = termOf.length;
    return { entities: [...entities], names: false };
  });
  features.forEach((f, i) => {
    for (const s of capitalizedOf[i]!) if (!lowers.has(s) && capitals.get(s)! >= 2) f.entities.push(`w:${s}`);
    f.names = f.entities.some((e) => e[0] !== 'n');
  });
  capitalizedOf.length = 0;

  // Document frequencies over the items within the window either side of the current one.
  const df = new Int32Array(termIds.size);
  const bump = (k: number, by: number) => {
    for (let j = start[k]!; j < start[k + 1]!; j++) df[termOf[j]!]! += by;
  };
  let lo = 0;
  let hi = 0;

  const clusters: Cluster[] = [];
  const assigned = new Int32Array(sorted.length);
  const postings: Array<{ clusters: number[]; times: number[] } | undefined> = [];
  // Per cluster: how many of the current item's terms found it, reset through `touched`.
  let hits = new Int32Array(1024);
  const vector = new Float64Array(64);
  const ids = new Int32Array(vector.length);

  for (let i = 0; i < sorted.length; i++) {
    const t = times[i]!;
    while (hi < sorted.length && times[hi]! <= t + windowMs) bump(hi++, 1);
    while (times[lo]! < t - windowMs) bump(lo++, -1);
    const n = hi - lo;
    const { entities, names } = features[i]!;
    const first = start[i]!;
    // The item's term ids, and its unit TF-IDF vector aligned with them.
    const size = Math.min(start[i + 1]! - first, vector.length);
    let norm = 0;
    for (let k = 0; k < size; k++) {
      ids[k] = termOf[first + k]!;
      const w = rawWeight[first + k]! * Math.log(1 + n / df[ids[k]!]!);
      vector[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < size; k++) vector[k]! /= norm;

    // Candidate clusters: the most recent ones in each term's postings, within the window, that
    // share at least `minShared` terms with the item (counted before any similarity is computed).
    const touched: number[] = [];
    for (let k = 0; k < size; k++) {
      const list = postings[ids[k]!];
      if (!list) continue;
      for (let p = list.clusters.length - 1, scanned = 0; p >= 0 && scanned < maxScan && t - list.times[p]! <= windowMs; p--, scanned++) {
        const c = list.clusters[p]!;
        if (hits[c]!++ === 0) touched.push(c);
      }
    }
    let best = -1;
    let bestScore = 0;
    let bestDot = 0;
    for (const c of touched) {
      const found = hits[c]!;
      hits[c] = 0;
      if (found < minShared) continue;
      const cluster = clusters[c]!;
      if (t - times[cluster.first]! > windowMs) continue;
      let dot = 0;
      let shared = 0;
      for (let k = 0; k < size; k++) {
        const cw = cluster.centroid.get(ids[k]!);
        if (cw < 0) continue;
        dot += vector[k]! * cw;
        // A term counts as shared when a twentieth of the cluster's weight is on it, not one stray member.
        if (cw >= cluster.size * 0.05) shared++;
      }
      if (shared < minShared) continue;
      const score = dot / Math.sqrt(cluster.norm2);
      // A company, figure or proper noun shared with half the cluster lowers the bar; a word that is
      // a name only by the set's spelling of it (a headline's first word) is too weak for that. An
      // item naming someone the cluster never names, beside a cluster that is about someone,
      // raises it: "Sbarro files for bankruptcy protection" is not the Mt. Gox story.
      let bar = threshold;
      let sharesName = false;
      for (const entity of entities) {
        const count = cluster.entities.get(entity) ?? 0;
        if (count * 2 >= cluster.size && entity[0] !== 'w') {
          bar = entityThreshold;
          break;
        }
        if (count > 0 && entity[0] !== 'n') sharesName = true;
      }
      if (bar === threshold && cluster.topName * 2 >= cluster.size && !sharesName && names) bar = conflictThreshold;
      if (score >= bar && score > bestScore) {
        best = c;
        bestScore = score;
        bestDot = dot;
      }
    }

    let c = best;
    if (c < 0) {
      c = clusters.length;
      clusters.push({ first: i, centroid: new Centroid(), norm2: 0, size: 0, entities: new Map(), topName: 0 });
      if (c >= hits.length) {
        const grown = new Int32Array(hits.length * 2);
        grown.set(hits);
        hits = grown;
      }
    }
    const cluster = clusters[c]!;
    for (let k = 0; k < size; k++) cluster.centroid.add(ids[k]!, vector[k]!);
    cluster.norm2 += 2 * bestDot + 1;
    cluster.size++;
    for (const entity of entities) {
      const count = (cluster.entities.get(entity) ?? 0) + 1;
      cluster.entities.set(entity, count);
      if (entity[0] !== 'n' && count > cluster.topName) cluster.topName = count;
    }
    assigned[i] = c;
    for (let k = 0; k < size; k++) {
      const list = postings[ids[k]!] ?? (postings[ids[k]!] = { clusters: [], times: [] });
      if (list.clusters.at(-1) === c) list.times[list.times.length - 1] = t;
      else {
        list.clusters.push(c);
        list.times.push(t);
      }
    }
  }

  const sources = clusters.map(() => new Set<string>());
  sorted.forEach((item, i) => sources[assigned[i]!]!.add(item.source));
  return sorted.map((item, i) => {
    const cluster = clusters[assigned[i]!]!;
    return storedItem(item, sorted[cluster.first]!.id, sources[assigned[i]!]!.size);
  });
}
