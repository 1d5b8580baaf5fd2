// `npm run ingest`: fetch the feeds in content/sources.yaml into the news store (content/news/).
// Built to run unattended (a CI cron): the exit code says whether anything was fetched, and a run
// with nothing new writes no file. The options and exit codes are in COMMAND below, which is also
// the --help text.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { ConfigError, LockError } from '../src/lib/feeds/errors.ts';
import { runIngest } from '../src/lib/news/ingest-fs.ts';
import { StoreError } from '../src/lib/news/store.ts';
import { runOutcome, sourceLine, summaryLines } from '../src/lib/news/report.ts';

const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));

// One table for the parser and the help, so no option goes undocumented.
const COMMAND = {
  name: 'ingest',
  usage: 'npm run ingest -- [options]   (or: node scripts/ingest.ts [options])',
  summary: 'Fetches the feeds of the sources file into the news store; a run with nothing new writes no file.',
  options: {
    config: { type: 'string', arg: 'FILE', describe: 'the sources file', defaultText: 'content/sources.yaml' },
    source: { type: 'string', multiple: true, arg: 'ID', describe: 'only this source, even if disabled; repeat for more', defaultText: 'every enabled source' },
    since: { type: 'string', arg: 'DATE', describe: 'keep only items published on or after DATE, YYYY-MM-DD or ISO time', defaultText: 'no limit' },
    store: { type: 'string', arg: 'DIR', describe: 'the news store to update', defaultText: 'content/news' },
    'dry-run': { type: 'boolean', describe: 'fetch and report, write nothing' },
    'retry-now': { type: 'boolean', describe: 'end the rest periods: also fetch sources backing off after failures' },
    reclassify: {
      type: 'boolean',
      describe:
        'classify the stored items again with the current taxonomy: their topics and companies follow it, and those now off-topic leave the store (see first with --dry-run)',
    },
    json: { type: 'boolean', describe: 'print the report as JSON on stdout instead of lines' },
  },
  examples: [
    'npm run ingest',
    'npm run ingest -- --config content/sources.demo.yaml',
    'npm run ingest -- --source semiwiki --dry-run --json',
    'npm run ingest -- --reclassify --dry-run',
  ],
  sections: [
    {
      title: 'exit codes',
      lines: [
        '0  at least one source succeeded (fetched, or not modified since the last run)',
        '1  no source succeeded (every one failed, was resting or could not connect), another ingest holds the lock, or a store file is corrupt',
        '2  the command line or the sources file is invalid',
      ],
    },
  ],
} as const satisfies CommandSpec;

function fail(code: number, lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

const args = readCommandLine(COMMAND).values;

let since: Date | undefined;
if (args.since !== undefined) {
  since = new Date(/^\d{4}-\d{2}-\d{2}$/.test(args.since) ? `${args.since}T00:00:00Z` : args.since);
  if (Number.isNaN(since.getTime())) fail(2, [`✗ --since: expected a date such as 2026-11-01, received "${args.since}"`]);
}

const log = args.json ? () => {} : (line: string) => console.log(line);
// One clock reading for the run, so "in N min" agrees with the rest the run itself recorded.
const now = new Date();
try {
  const configFile = path.resolve(args.config ?? path.join(root, 'content/sources.yaml'));
  const shown = path.relative(root, configFile);
  log(`ingesting from ${!shown || shown.startsWith('..') ? path.resolve(configFile) : shown}${args['dry-run'] ? ' (dry run)' : ''}`);
  const report = await runIngest({
    root,
    configFile,
    taxonomyFile: path.join(root, 'content/taxonomy.yaml'),
    storeDir: path.resolve(args.store ?? path.join(root, 'content/news')),
    sourceIds: args.source.length ? args.source : undefined,
    dryRun: args['dry-run'],
    retryNow: args['retry-now'],
    reclassify: args.reclassify,
    since,
    now: () => now,
    onSource: (r) => log(sourceLine(r)),
  });
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else for (const line of summaryLines(report)) log(line);
  const outcome = runOutcome(report, now);
  if (outcome.message) fail(outcome.code, [outcome.message]);
} catch (error) {
  if (error instanceof ConfigError) fail(2, [`✗ ${error.message}`]);
  if (error instanceof LockError || error instanceof StoreError) fail(1, [`✗ ${error.message}`]);
  throw error;
}
