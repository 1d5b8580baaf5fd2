// `npm run classify -- "headline" [--summary TEXT] [--source ID] [--json]`: how the ingest classifier
// reads one item: its topics and companies, each topic's score, and every phrase that fired with its
// points. This is how an editor tunes content/taxonomy.yaml. --source takes a source's beat and
// weight from content/sources.yaml, as ingest would. The options are in COMMAND below, which is
// also the --help text.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { createClassifier } from '../src/lib/classify/classify.ts';
import { suggest } from '../src/lib/errors/suggest.ts';
import { parseSourcesConfig } from '../src/lib/feeds/config.ts';
import { ConfigError } from '../src/lib/feeds/errors.ts';
import { readTaxonomy } from '../src/lib/classify/taxonomy-fs.ts';
import type { Taxonomy } from '../src/lib/schema/taxonomy.ts';

const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const COMMAND = {
  name: 'classify',
  usage: 'npm run classify -- "headline" [--summary TEXT] [--source ID] [--config FILE] [--json]',
  summary: 'Shows how the ingest classifier reads one item: its topics and companies, the score of each topic, and every phrase that fired with its points.',
  positional: { name: 'headline', describe: "the item's title; quote it, or its words are joined with spaces", required: true, variadic: true },
  options: {
    summary: { type: 'string', arg: 'TEXT', default: '', describe: "the item's summary, read as ingest reads a feed's description", defaultText: 'empty' },
    source: {
      type: 'string',
      arg: 'ID',
      describe: 'classify as from this source of the sources file, with its beat and weight',
      defaultText: 'none, read as general news with no beat and weight 1',
    },
    config: { type: 'string', arg: 'FILE', describe: 'the sources file that --source is looked up in', defaultText: 'content/sources.yaml' },
    json: { type: 'boolean', describe: 'print the result as JSON' },
  },
  examples: ['npm run classify -- "US adds Chinese chipmakers to the entity list"', 'npm run classify -- "New fab announced" --source semiwiki --json'],
} as const satisfies CommandSpec;
const fail = (lines: string[]): never => {
  for (const line of lines) console.error(line);
  process.exit(2);
};

const { values, positionals } = readCommandLine(COMMAND);
const title = positionals.join(' ').trim();
if (!title) fail(['✗ give a headline to classify', `usage: ${COMMAND.usage}`]);

let taxonomy: Taxonomy;
try {
  taxonomy = readTaxonomy(path.join(root, 'content/taxonomy.yaml'), 'content/taxonomy.yaml');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail(error.problems.map((l) => `✗ ${l}`));
}

let source: { id: string; topics: string[]; weight: number } | undefined;
if (values.source) {
  const configFile = path.resolve(values.config ?? path.join(root, 'content/sources.yaml'));
  try {
    const config = parseSourcesConfig({
      file: path.relative(root, configFile),
      text: readFileSync(configFile, 'utf8'),
      topics: taxonomy!.topics.map((t) => t.id),
    });
    source = config.sources.find((s) => s.id === values.source);
    const hint = suggest(
      values.source,
      config.sources.map((s) => s.id),
    );
    if (!source) fail([`✗ --source ${values.source}: no source has this id in ${path.relative(root, configFile)}${hint ? `; did you mean "${hint}"?` : ''}`]);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message.split('\n').map((l) => `✗ ${l}`));
    throw error;
  }
}

const result = createClassifier(taxonomy!)({ title, summary: values.summary }, source ?? {});
if (values.json) {
  console.log(JSON.stringify({ title, source: source?.id ?? null, ...result }, null, 2));
  process.exit(0);
}
const from = source
  ? `source ${source.id} (beat: ${source.topics.join(', ') || 'none'}, weight ${source.weight})`
  : 'a general-news source (no beat, weight 1)';
console.log(`"${title}"`);
console.log(`  as from ${from}`);
console.log(`  topics:    ${result.topics.join(', ') || 'none: ingest would drop it as off-topic'}`);
console.log(`  companies: ${result.companies.join(', ') || 'none'}`);
const scored = Object.entries(result.scores).sort(([, a], [, b]) => b - a);
for (const [topic, score] of scored) {
  const kept = result.topics.includes(topic) ? '✓' : '·';
  console.log(`  ${kept} ${topic} ${score.toFixed(1)}`);
  for (const hit of result.hits.filter((h) => h.topic === topic))
    console.log(`      ${hit.points.toFixed(1)}  ${hit.kind.padEnd(7)} "${hit.phrase}" in the ${hit.where}`);
}
if (!scored.length) console.log('  no phrase of the taxonomy fired');
