// `npm run eval:cluster`: story clustering measured on real multi-publisher coverage, the UCI News
// Aggregator rows in ../shared/news-dev/uci_dev.tsv.gz (STORY ids are the ground truth). Prints
// pairwise and B-cubed precision and recall for the technology and business rows of a sample.
// Options: --sample dev36h|random1pct (default dev36h), --threshold N (the similarity to join).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clusterFigures } from '../src/lib/eval/cluster-metrics.ts';
import { readUci, uciEvaluationRows } from '../src/lib/eval/news-dev-fs.ts';
import { clusterItems } from '../src/lib/news/cluster.ts';
import { uciItems } from '../src/lib/eval/uci-items.ts';

const { values } = parseArgs({ options: { sample: { type: 'string', default: 'dev36h' }, threshold: { type: 'string' }, shared: { type: 'string' } } });
const shared = path.resolve(values.shared ?? path.join(import.meta.dirname, '../../shared'));
const rows = readUci(path.join(shared, 'news-dev/uci_dev.tsv.gz'));
if (!rows) {
  console.error(`✗ ${path.join(shared, 'news-dev/uci_dev.tsv.gz')} not found: put ../shared beside the repository, or pass --shared DIR`);
  process.exit(2);
}
const evaluated = uciEvaluationRows(rows, values.sample);
const items = uciItems(evaluated);
const started = performance.now();
const clustered = clusterItems(items, values.threshold ? { threshold: Number(values.threshold) } : {});
const ms = performance.now() - started;
const byId = new Map(clustered.map((item) => [item.id, item.clusterId]));
const f = clusterFigures(evaluated.map((row, i) => ({ truth: row.story, predicted: byId.get(items[i]!.id)!, source: row.publisher })));
const pct = (x: number) => x.toFixed(3);
console.log(`${values.sample}: ${evaluated.length} items, ${new Set(evaluated.map((r) => r.story)).size} stories, ${new Set(byId.values()).size} clusters (${Math.round(ms)}ms)`);
console.log(`pairwise precision ${pct(f.pairwisePrecision)} recall ${pct(f.pairwiseRecall)} (${f.correctPairs} of ${f.predictedPairs} predicted pairs correct, ${f.truePairs} true pairs)`);
console.log(`B-cubed precision ${pct(f.bcubedPrecision)} recall ${pct(f.bcubedRecall)}`);
