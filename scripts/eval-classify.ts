// `npm run eval:classify [-- --split dev|test|all] [--set realfeeds] [--errors]`: the classifier on
// real headlines that others wrote, hand-labelled by the editorial policy
// (test/fixtures/news-signal/headlines.tsv), classified from the title alone as ingest would for a
// general-news source; or, with --set realfeeds, on the labelled items of ../shared/realfeeds from
// title and summary together (never tuned on). Prints the precision and recall of items kept, topics
// and companies; --errors lists every miss and false hit.
// The options are in COMMAND below, which is also the --help text.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { createClassifier } from '../src/lib/classify/classify.ts';
import { classifyFigures, type LabelledHeadline, type PrecisionRecall } from '../src/lib/eval/classify-metrics.ts';
import { readHeadlines } from '../src/lib/eval/headlines-fs.ts';
import { readRealfeedItems } from '../src/lib/eval/realfeed-items-fs.ts';
import { readTaxonomy } from '../src/lib/classify/taxonomy-fs.ts';
import { ConfigError } from '../src/lib/feeds/errors.ts';
import type { Taxonomy } from '../src/lib/schema/taxonomy.ts';

const root = path.resolve(import.meta.dirname, '..');
const COMMAND = {
  name: 'eval:classify',
  usage: 'npm run eval:classify -- [--split dev|test|all] [--set headlines|realfeeds] [--errors] [--taxonomy FILE]',
  summary:
    'Measures the classifier on hand-labelled real headlines (test/fixtures/news-signal/headlines.tsv), from the title alone as for a general-news source, or (--set realfeeds) labelled items of the real feeds in ../shared/realfeeds from title and summary: precision and recall of the items kept, the topics and the companies.',
  options: {
    split: {
      type: 'string',
      arg: 'SPLIT',
      choices: ['dev', 'test', 'all'],
      default: 'dev',
      describe: 'the rows to score: dev (tuned on), test (held out) or all',
    },
    set: {
      type: 'string',
      arg: 'SET',
      choices: ['headlines', 'realfeeds'],
      default: 'headlines',
      describe:
        'headlines: real headlines, titles only (test/fixtures/news-signal/headlines.tsv); realfeeds: items of the real feeds in ../shared/realfeeds, title and summary, all held out (realfeed-labels.tsv)',
    },
    errors: { type: 'boolean', describe: 'also list every miss and false hit' },
    taxonomy: { type: 'string', arg: 'FILE', describe: 'the taxonomy to classify with', defaultText: 'content/taxonomy.yaml' },
  },
  examples: ['npm run eval:classify', 'npm run eval:classify -- --split test --errors', 'npm run eval:classify -- --set realfeeds'],
} as const satisfies CommandSpec;
const { values } = readCommandLine(COMMAND);
const taxonomyFile = values.taxonomy ?? path.join(root, 'content/taxonomy.yaml');
let taxonomy: Taxonomy;
try {
  taxonomy = readTaxonomy(taxonomyFile, path.relative(root, taxonomyFile));
} catch (error) {
  // A taxonomy mistake is the editor's to fix: the file, line and field, without a stack trace.
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`✗ ${problem}`);
  process.exit(2);
}
const classify = createClassifier(taxonomy);
const fixtures = path.join(root, 'test/fixtures/news-signal');
const realfeeds = path.resolve(root, '../shared/realfeeds');
if (values.set === 'realfeeds' && !existsSync(realfeeds)) {
  console.error(`✗ ${realfeeds} is absent: --set realfeeds reads the items' text from the real feeds beside the repository`);
  process.exit(2);
}
const rows: Array<LabelledHeadline & { summary?: string }> =
  values.set === 'realfeeds'
    ? await readRealfeedItems(path.join(fixtures, 'realfeed-labels.tsv'), realfeeds)
    : readHeadlines(path.join(fixtures, 'headlines.tsv')).filter((r) => values.split === 'all' || r.split === values.split);
const predictions = rows.map((row) => classify({ title: row.title, summary: row.summary ?? '' }));
const f = classifyFigures(rows, predictions);
const show = (label: string, pr: PrecisionRecall) =>
  console.log(`${label.padEnd(10)} precision ${pr.precision.toFixed(3)} recall ${pr.recall.toFixed(3)}  (${pr.tp} right, ${pr.fp} wrong, ${pr.fn} missed)`);
console.log(
  `${values.set === 'realfeeds' ? 'real feed items (title and summary)' : `${values.split} split`}: ${rows.length} headlines, ${f.scored} scored for topics (${rows.length - f.scored} uncertain left out)`,
);
show('kept', f.kept);
show('topics', f.topics);
show('companies', f.companies);
if (values.errors) {
  rows.forEach((row, i) => {
    const p = predictions[i]!;
    const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
    const topicsWrong = !row.uncertain && !same(p.topics, row.topics);
    const companiesWrong = !same(p.companies, row.companies);
    if (topicsWrong || companiesWrong)
      console.log(
        `  [${row.topics.join(',') || '-'} | ${row.companies.join(',') || '-'}] got [${p.topics.join(',') || '-'} | ${p.companies.join(',') || '-'}] ${row.title}`,
      );
  });
}
