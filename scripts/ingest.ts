// `npm run ingest`: fetch the feeds in content/sources.yaml into the news store (content/news/).
// Built to run unattended (a CI cron): the exit code says whether anything was fetched, and a run
// with nothing new writes no file. The options and exit codes are in OPTIONS and EXIT_CODES below,
// which are also the --help text.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, LockError } from '../src/lib/feeds/errors.ts';
import { runIngest } from '../src/lib/news/ingest-fs.ts';
import { StoreError } from '../src/lib/news/store.ts';
import { runOutcome, sourceLine, summaryLines } from '../src/lib/news/report.ts';

const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));

// One table for the parser and the help, so no option goes undocumented.
const OPTIONS = {
  config: { type: 'string', arg: 'FILE', help: 'the sources file (default: content/sources.yaml)' },
  source: { type: 'string', multiple: true, arg: 'ID', help: 'only this source, even if disabled; repeat for more (default: every enabled source)' },
  since: { type: 'string', arg: 'DATE', help: 'keep only items published on or after DATE, YYYY-MM-DD or ISO time (default: no limit)' },
  store: { type: 'string', arg: 'DIR', help: 'the news store to update (default: content/news)' },
  'dry-run': { type: 'boolean', default: false, help: 'fetch and report, write nothing (default: off)' },
  'retry-now': { type: 'boolean', default: false, help: 'end the rest periods: also fetch sources backing off after failures (default: off)' },
  json: { type: 'boolean', default: false, help: 'print the report as JSON on stdout instead of lines (default: off)' },
  help: { type: 'boolean', short: 'h', default: false, help: 'print this help and exit' },
} as const;

const EXIT_CODES = [
  '0  at least one source succeeded (fetched, or not modified since the last run)',
  '1  no source succeeded (every one failed, was resting or could not connect), another ingest holds the lock, or a store file is corrupt',
  '2  the command line or the sources file is invalid',
];

const USAGE = 'usage: npm run ingest -- [options]   (or: node scripts/ingest.ts [options])';
const flag = (name: string, o: { arg?: string; short?: string; help: string }) => `${o.short ? `-${o.short}, ` : ''}--${name}${o.arg ? ` ${o.arg}` : ''}`;
const HELP = [
  USAGE,
  '',
  'Fetches the feeds of the sources file into the news store; a run with nothing new writes no file.',
  '',
  'options:',
  ...Object.entries(OPTIONS).map(([name, o]) => `  ${flag(name, o).padEnd(18)}  ${o.help}`),
  '',
  'exit codes:',
  ...EXIT_CODES.map((line) => `  ${line}`),
].join('\n');

function fail(code: number, lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: OPTIONS, strict: true }).values;
} catch (error) {
  fail(2, [`✗ ${(error as Error).message}`, USAGE, 'run with --help for the options']);
}
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

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
    sourceIds: args.source,
    dryRun: args['dry-run'],
    retryNow: args['retry-now'],
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
