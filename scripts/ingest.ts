// `npm run ingest`: fetch the feeds in content/sources.yaml into the news store (content/news/).
// Options: --config FILE, --source ID (repeatable), --since DATE, --dry-run, --json, --store DIR.
// Exit 0 when at least one source succeeded (or all were resting), 1 when every source failed or
// another ingest holds the lock, 2 when the command line or the configuration is invalid.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, LockError } from '../src/lib/feeds/errors.ts';
import { runIngest } from '../src/lib/news/ingest-fs.ts';
import { StoreError } from '../src/lib/news/store.ts';
import { sourceLine, summaryLines } from '../src/lib/news/report.ts';

const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const USAGE = `usage: node scripts/ingest.ts [--config FILE] [--source ID ...] [--since YYYY-MM-DD] [--dry-run] [--json] [--store DIR]`;

function fail(code: number, lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      config: { type: 'string' },
      source: { type: 'string', multiple: true },
      since: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      store: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(2, [`✗ ${(error as Error).message}`, USAGE]);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

let since: Date | undefined;
if (args.since !== undefined) {
  since = new Date(/^\d{4}-\d{2}-\d{2}$/.test(args.since) ? `${args.since}T00:00:00Z` : args.since);
  if (Number.isNaN(since.getTime())) fail(2, [`✗ --since: expected a date such as 2026-11-01, received "${args.since}"`]);
}

const log = args.json ? () => {} : (line: string) => console.log(line);
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
    since,
    onSource: (r) => log(sourceLine(r)),
  });
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else for (const line of summaryLines(report)) log(line);
  const succeeded = report.sources.some((s) => s.status === 'ok' || s.status === 'not-modified');
  const failed = report.sources.some((s) => s.status === 'error' || s.status === 'not-a-feed');
  if (!succeeded && failed) fail(1, ['✗ every source failed: see the reasons above']);
} catch (error) {
  if (error instanceof ConfigError) fail(2, [`✗ ${error.message}`]);
  if (error instanceof LockError || error instanceof StoreError) fail(1, [`✗ ${error.message}`]);
  throw error;
}
