// `npm run data` on a publication's folder: every dataset with a loader (or the ones named), one
// after another, each CSV and meta written atomically and only when its bytes change. The CSV is
// written before the meta, so a run killed between the two leaves a CSV whose hash the meta does
// not have, which the next run reports and repairs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_DIR } from '../datasets/dataset-fs.ts';
import { suggest } from '../errors/suggest.ts';
import type { FetcherOptions } from '../feeds/fetch-client.ts';
import { writeFileAtomic } from '../news/atomic-fs.ts';
import type { ConnectorEnv } from './connectors/context.ts';
import { createHttp } from './http.ts';
import { DATA_CACHE_DIR, fsResponseCache } from './response-cache-fs.ts';
import { runLoader, type Outcome } from './run.ts';

export interface RunDataOptions {
  root: string;
  /** Only these datasets; default every dataset with a loader. */
  names?: readonly string[] | undefined;
  /** Fetch, shape and report; write nothing. */
  dryRun?: boolean;
  env?: ConnectorEnv;
  /** For the fetch client: fetch, timeouts, size cap, sleep (tests make Retry-After waits instant). */
  fetcher?: FetcherOptions;
  /** How the pause between EDGAR requests waits. */
  sleep?: (ms: number) => Promise<void>;
  /** The HTTP cache folder, relative to root; null for none. Default node_modules/.cache/substation-data. */
  cacheDir?: string | null;
  now?: () => Date;
  onOutcome?: (outcome: Outcome, ms: number) => void;
}

/** A dataset named on the command line that does not exist. */
export class UnknownDatasetError extends Error {
  override name = 'UnknownDatasetError';
}

// Data files are bigger than feeds (a company's facts run to tens of MB) and worth waiting for.
const DATA_FETCHER: FetcherOptions = { timeoutMs: 120_000, maxBytes: 64 * 1024 * 1024, maxRetryWaitMs: 60_000, concurrency: 4, perHost: 1 };

export async function runData(options: RunDataOptions): Promise<Outcome[]> {
  const { root, dryRun = false, now = () => new Date() } = options;
  const dir = path.join(root, DATA_DIR);
  // A new dataset may have its meta and loader before its first CSV.
  const files = existsSync(dir) ? readdirSync(dir) : [];
  const all = [...new Set(files.flatMap((f) => /^(.+)\.(?:csv|meta\.yaml)$/.exec(f)?.[1] ?? []))].sort();
  for (const name of options.names ?? []) {
    if (all.includes(name)) continue;
    const hint = suggest(name, all);
    throw new UnknownDatasetError(
      `unknown dataset "${name}": no file ${DATA_DIR}/${name}.csv${hint ? `; did you mean "${hint}"?` : '.'} Datasets: ${all.join(', ') || '(none)'}`,
    );
  }
  const names = options.names?.length ? [...new Set(options.names)] : all;
  const cacheDir = options.cacheDir === undefined ? DATA_CACHE_DIR : options.cacheDir;
  const http = createHttp({
    fetcher: { ...DATA_FETCHER, ...options.fetcher },
    cache: cacheDir === null ? undefined : fsResponseCache(path.resolve(root, cacheDir)),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const context = { http, env: options.env ?? {}, importModule: (file: string) => import(pathToFileURL(path.join(dir, file)).href) };
  const today = now().toISOString().slice(0, 10);
  const outcomes: Outcome[] = [];
  for (const name of names) {
    const started = performance.now();
    const csvPath = path.join(dir, `${name}.csv`);
    const metaPath = path.join(dir, `${name}.meta.yaml`);
    const metaFile = `${DATA_DIR}/${name}.meta.yaml`;
    let outcome: Outcome;
    if (!existsSync(metaPath))
      outcome = { name, status: 'failed', url: undefined, reason: `${metaFile}: missing: every dataset needs a meta file beside its CSV`, warnings: [] };
    else {
      const texts = {
        name,
        metaFile,
        csvFile: `${DATA_DIR}/${name}.csv`,
        metaText: readFileSync(metaPath, 'utf8'),
        csvText: existsSync(csvPath) ? readFileSync(csvPath, 'utf8') : undefined,
      };
      outcome = await runLoader(texts, { context, today });
      if (outcome.status === 'updated' && !dryRun) {
        if (outcome.csv !== undefined) writeFileAtomic(csvPath, outcome.csv);
        if (outcome.meta !== undefined) writeFileAtomic(metaPath, outcome.meta);
      }
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcome, performance.now() - started);
  }
  return outcomes;
}
