// `npm run eval:cluster`: story clustering measured on real multi-publisher coverage, the UCI News
// Aggregator rows in ../shared/news-dev/uci_dev.tsv.gz (STORY ids are the ground truth). Prints
// pairwise and B-cubed precision and recall for the technology and business rows of a sample.
// The options are in COMMAND below, which is also the --help text.
import path from 'node:path';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { clusterFigures } from '../src/lib/eval/cluster-metrics.ts';
import { readUci, uciEvaluationRows } from '../src/lib/eval/news-dev-fs.ts';
import { clusterItems } from '../src/lib/news/cluster.ts';
import { uciItems } from '../src/lib/eval/uci-items.ts';

const COMMAND = {
  name: 'eval:cluster',
  usage: 'npm run eval:cluster -- [--sample dev36h|random1pct] [--threshold N] [--shared DIR]',
  summary:
    'Measures story clustering on real multi-publisher coverage, the UCI News Aggregator rows in <shared>/news-dev/uci_dev.tsv.gz: pairwise and B-cubed precision and recall on the technology and business rows of a sample.',
  options: {
    sample: {
      type: 'string',
      arg: 'NAME',
      choices: ['dev36h', 'random1pct'],
      default: 'dev36h',
      describe: 'the rows: 36 hours of the feed, or a random 1% of it',
    },
    threshold: {
      type: 'number',
      arg: 'N',
      min: 0,
      max: 1,
      describe: 'the similarity at which two items join a story, from 0 to 1',
      defaultText: "0.3, the clusterer's own",
    },
    shared: { type: 'string', arg: 'DIR', describe: 'the folder holding news-dev/uci_dev.tsv.gz', defaultText: '../shared beside the repository' },
  },
  examples: ['npm run eval:cluster', 'npm run eval:cluster -- --sample random1pct --threshold 0.45'],
} as const satisfies CommandSpec;
const { values } = readCommandLine(COMMAND);
const shared = path.resolve(values.shared ?? path.join(import.meta.dirname, '../../shared'));
const rows = readUci(path.join(shared, 'news-dev/uci_dev.tsv.gz'));
if (!rows) {
  console.error(`✗ ${path.join(shared, 'news-dev/uci_dev.tsv.gz')} not found: put ../shared beside the repository, or pass --shared DIR`);
  process.exit(2);
}
const evaluated = uciEvaluationRows(rows, values.sample);
const items = uciItems(evaluated);
const started = performance.now();
const clustered = clusterItems(items, values.threshold !== undefined ? { threshold: values.threshold } : {});
const ms = performance.now() - started;
const byId = new Map(clustered.map((item) => [item.id, item.clusterId]));
const f = clusterFigures(evaluated.map((row, i) => ({ truth: row.story, predicted: byId.get(items[i]!.id)!, source: row.publisher })));
const pct = (x: number) => x.toFixed(3);
console.log(
  `${values.sample}: ${evaluated.length} items, ${new Set(evaluated.map((r) => r.story)).size} stories, ${new Set(byId.values()).size} clusters (${Math.round(ms)}ms)`,
);
console.log(
  `pairwise precision ${pct(f.pairwisePrecision)} recall ${pct(f.pairwiseRecall)} (${f.correctPairs} of ${f.predictedPairs} predicted pairs correct, ${f.truePairs} true pairs)`,
);
console.log(`B-cubed precision ${pct(f.bcubedPrecision)} recall ${pct(f.bcubedRecall)}`);
