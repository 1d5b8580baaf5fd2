// Quality of a clustering against ground truth (UCI News Aggregator STORY ids, say): pairwise
// precision and recall over pairs of items from different publishers, and B-cubed precision and
// recall over items. Pure: labels in, figures out.

export interface Labelled {
  /** The true group (a STORY id). */
  truth: string;
  /** The predicted group (a cluster id). */
  predicted: string;
  /** The publisher: pairs within one publisher are not counted. */
  source: string;
}

export interface ClusterFigures {
  pairwisePrecision: number;
  pairwiseRecall: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  /** Counts behind the pairwise figures. */
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** Pairs of items in the same group from different sources: all pairs minus same-source pairs. */
function crossSourcePairs(items: readonly Labelled[], group: (item: Labelled) => string): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let total = 0;
  for (const n of countBy(items, group).values()) total += pairs(n);
  for (const n of countBy(items, (i) => `${group(i)}\u0000${i.source}`).values()) total -= pairs(n);
  return total;
}

export function clusterFigures(items: readonly Labelled[]): ClusterFigures {
  const truePairs = crossSourcePairs(items, (i) => i.truth);
  const predictedPairs = crossSourcePairs(items, (i) => i.predicted);
  const correctPairs = crossSourcePairs(items, (i) => `${i.truth}\u0000${i.predicted}`);
  const both = countBy(items, (i) => `${i.truth}\u0000${i.predicted}`);
  const byTruth = countBy(items, (i) => i.truth);
  const byPredicted = countBy(items, (i) => i.predicted);
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const shared = both.get(`${item.truth}\u0000${item.predicted}`)!;
    precision += shared / byPredicted.get(item.predicted)!;
    recall += shared / byTruth.get(item.truth)!;
  }
  const n = items.length || 1;
  return {
    pairwisePrecision: predictedPairs ? correctPairs / predictedPairs : 1,
    pairwiseRecall: truePairs ? correctPairs / truePairs : 1,
    bcubedPrecision: precision / n,
    bcubedRecall: recall / n,
    truePairs,
    predictedPairs,
    correctPairs,
  };
}
