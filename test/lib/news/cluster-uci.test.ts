// Story clustering on real multi-publisher coverage: the UCI News Aggregator's dev36h sample
// (technology and business rows, one item per story and publisher), STORY ids as ground truth.
// The same figures print with `npm run eval:cluster`.
import { describe, expect, it } from 'vitest';
import { clusterFigures } from '../../../src/lib/eval/cluster-metrics.ts';
import { readUci, uciEvaluationRows } from '../../../src/lib/eval/news-dev-fs.ts';
import { uciItems } from '../../../src/lib/eval/uci-items.ts';
import { clusterItems } from '../../../src/lib/news/cluster.ts';
import { hasUci, uciFile } from '../../helpers/news-dev.ts';

describe.skipIf(!hasUci)('story clustering on the UCI News Aggregator (../shared/news-dev)', () => {
  const rows = uciEvaluationRows(readUci(uciFile) ?? []);
  const items = uciItems(rows);
  const byId = new Map(clusterItems(items).map((item) => [item.id, item.clusterId]));
  const figures = clusterFigures(rows.map((row, i) => ({ truth: row.story, predicted: byId.get(items[i]!.id)!, source: row.publisher })));

  it('reads the sample the issue measures', () => {
    expect(rows.length).toBe(1696);
    expect(new Set(rows.map((r) => r.story)).size).toBe(33);
  });

  it('joins a fifth of the true cross-source pairs while keeping pairs precise', () => {
    // Issue 11's targets. Measured 0.909 at 0.187. Most false pairs are stories the ground truth
    // splits (Mt. Gox's US bankruptcy and its hack in two STORY ids, "stocks fall on weak China
    // export data" in four, one Sbarro headline under two ids).
    expect(figures.pairwiseRecall).toBeGreaterThanOrEqual(0.18);
    expect(figures.pairwisePrecision).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches a B-cubed recall of at least 0.20 at a B-cubed precision of at least 0.90', () => {
    expect(figures.bcubedRecall).toBeGreaterThanOrEqual(0.2);
    expect(figures.bcubedPrecision).toBeGreaterThanOrEqual(0.9);
  });
});
