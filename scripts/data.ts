// `npm run data`: runs the loaders declared in content/data/*.meta.yaml. Each fetches its source
// (SEC EDGAR, the EIA API, Our World in Data, a CSV or JSON URL) with ingest's fetch client, shapes
// it, and writes content/data/<name>.csv and the meta's retrieved, source.url and hash, only when a
// byte changes. A loader that fails keeps its CSV and says why. `npm run build` never runs this.
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { runData, UnknownDatasetError } from '../src/lib/loaders/run-fs.ts';
import type { Outcome } from '../src/lib/loaders/run.ts';

const COMMAND = {
  name: 'data',
  usage: 'npm run data -- [dataset ...] [options]',
  summary:
    "Runs the loaders of content/data/*.meta.yaml: fetches each source, writes content/data/<name>.csv and the meta's retrieved, source.url and hash. An unchanged source changes no byte; a failed loader keeps its CSV.",
  positional: { name: 'dataset', variadic: true, describe: 'only these datasets, by name', defaultText: 'every dataset with a loader' },
  options: {
    root: { type: 'string', arg: 'DIR', describe: 'the publication (or set SUBSTATION_ROOT)', defaultText: 'this repository' },
    'dry-run': { type: 'boolean', describe: 'fetch, shape and report; write nothing' },
    json: { type: 'boolean', describe: 'print the outcomes as JSON on stdout instead of lines' },
  },
  examples: ['npm run data', 'npm run data -- hyperscaler-capex', 'SEC_USER_AGENT="Jane Doe jane@example.com" npm run data -- hyperscaler-capex --dry-run'],
  sections: [
    {
      title: 'environment',
      lines: [
        'SEC_USER_AGENT  who is asking, with an email, as EDGAR requires: "Jane Doe jane@example.com" (edgar loaders)',
        'EIA_API_KEY     a key for the EIA API v2, free from https://www.eia.gov/opendata/register.php (eia loaders)',
      ],
    },
    {
      title: 'exit codes',
      lines: [
        '0  every loader ran: updated, or unchanged',
        '1  a loader failed (its CSV and meta are as they were)',
        '2  the command line is invalid, or names an unknown dataset',
      ],
    },
  ],
} as const satisfies CommandSpec;

const { values, positionals } = readCommandLine(COMMAND);
const root = values.root ?? process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const log = values.json ? () => {} : (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function report(outcome: Outcome, ms: number): void {
  if (outcome.status === 'no-loader') return;
  if (outcome.status === 'failed') {
    console.error(`✗ ${outcome.name}: ${outcome.url ?? '(no URL)'}: ${outcome.reason}; content/data/${outcome.name}.csv is unchanged`);
  } else if (outcome.status === 'unchanged') {
    log(`✓ ${outcome.name}: unchanged, ${outcome.rows} rows (${seconds(ms)})`);
  } else {
    const wrote = [outcome.csv !== undefined && `${outcome.name}.csv`, outcome.meta !== undefined && `${outcome.name}.meta.yaml`].filter(Boolean).join(' and ');
    log(`✓ ${outcome.name}: ${outcome.summary}; ${values['dry-run'] ? 'would write' : 'wrote'} ${wrote} (${seconds(ms)})`);
    for (const r of outcome.diff.revisions) log(`    ${r.key}: ${r.column} ${r.from || '(empty)'} → ${r.to || '(empty)'}`);
  }
  for (const warning of outcome.warnings) (values.json ? console.error : log)(`  ! ${warning}`);
}

const started = performance.now();
let outcomes: Outcome[];
try {
  outcomes = await runData({
    root,
    names: positionals,
    dryRun: values['dry-run'],
    env: { secUserAgent: process.env.SEC_USER_AGENT, eiaApiKey: process.env.EIA_API_KEY },
    onOutcome: report,
  });
} catch (error) {
  if (!(error instanceof UnknownDatasetError)) throw error;
  console.error(`✗ data: ${error.message}`);
  process.exit(2);
}

const ran = outcomes.filter((o) => o.status !== 'no-loader');
const count = (status: Outcome['status']) => ran.filter((o) => o.status === status).length;
const none = outcomes.length - ran.length;
if (values.json)
  console.log(
    JSON.stringify(
      outcomes.map(({ ...o }) => ('csv' in o ? { ...o, csv: undefined, meta: undefined } : o)),
      null,
      2,
    ),
  );
else if (!ran.length)
  log(`no loader to run: none of the ${outcomes.length} datasets declares one (add \`loader:\` to its meta; see "Data loaders" in README.md)`);
else
  log(
    `✓ ran ${ran.length} loader${ran.length === 1 ? '' : 's'} in ${seconds(performance.now() - started)}: ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed${none ? ` (${none} dataset${none === 1 ? '' : 's'} without a loader)` : ''}`,
  );
const failed = ran.filter((o): o is Extract<Outcome, { status: 'failed' }> => o.status === 'failed');
if (failed.length && failed.every((o) => o.network))
  console.error('✗ no source could be reached: this machine appears to be offline (no DNS or network); nothing was changed');
if (failed.length) process.exit(1);
