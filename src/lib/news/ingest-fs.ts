// One ingest run: read the taxonomy and the sources configuration, fetch every due source (http(s)
// or a local file), process it, then merge, cluster and store under the lock. The shards are written
// before the state file, so a run killed in between re-fetches rather than loses anything. A run on
// a machine that looks offline writes nothing: the sources are not at fault, so none is backed off.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '../classify/classify.ts';
import { readTaxonomy } from '../classify/taxonomy-fs.ts';
import { suggest } from '../errors/suggest.ts';
import { parseSourcesConfig } from '../feeds/config.ts';
import { ConfigError, FeedError, FetchError } from '../feeds/errors.ts';
import { createFetcher, type Fetcher } from '../feeds/fetch-client.ts';
import { createLimiter } from '../feeds/limiter.ts';
import { afterFailure, afterSuccess, nextAttempt, skipReason } from '../feeds/schedule.ts';
import { isHttpLocation, type SourceConfig } from '../schema/sources.ts';
import { removeStaleTemps } from './atomic-fs.ts';
import { clusterItems } from './cluster.ts';
import { acquireLock } from './lock-fs.ts';
import { mergeItems } from './merge.ts';
import { processFeed, type ClassifiedItem } from './process-feed.ts';
import { reclassifyStored } from './reclassify.ts';
import { readIngestState, readNewsStore, writeIngestState, writeNewsStore } from './store-fs.ts';
import { isOffline, type IngestReport, type SourceReport } from './report.ts';

export interface IngestOptions {
  /** Project root: file names in messages are shown relative to it. */
  root: string;
  /** The sources configuration file. */
  configFile: string;
  taxonomyFile: string;
  storeDir: string;
  /** Only these source ids. */
  sourceIds?: string[];
  /** Fetch and report, write nothing. */
  dryRun?: boolean;
  /** Keep only items published at or after this instant. */
  since?: Date;
  /** Fetch sources resting after failures too; their state then follows the result as usual. */
  retryNow?: boolean;
  /** Classify the stored items again with the current taxonomy (./reclassify.ts). */
  reclassify?: boolean;
  now?: () => Date;
  /** Fetcher to use; by default one made from the configuration's defaults. */
  fetcher?: Fetcher;
  /** Called as each source finishes, for a live line. */
  onSource?: (report: SourceReport) => void;
}

function readConfig(file: string, label: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
    throw new ConfigError([`${label}: cannot read the sources file (${why}): pass a YAML file with --config, e.g. content/sources.yaml`]);
  }
}

export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const now = (options.now ?? (() => new Date()))();
  // Paths inside the project read relative to it; others (a --config in /tmp) stay absolute.
  const rel = (file: string) => {
    const relative = path.relative(options.root, file);
    return !relative || relative.startsWith('..') ? path.resolve(file) : relative;
  };
  const taxonomy = readTaxonomy(options.taxonomyFile, rel(options.taxonomyFile));
  const configLabel = rel(options.configFile);
  const config = parseSourcesConfig({ file: configLabel, text: readConfig(options.configFile, configLabel), topics: taxonomy.topics.map((t) => t.id) });
  const known = config.sources.map((s) => s.id);
  const unknown = (options.sourceIds ?? []).filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new ConfigError(
      unknown.map((id) => `${configLabel}: --source ${id}: no source has this id${suggest(id, known) ? `; did you mean "${suggest(id, known)}"?` : ''}`),
    );
  }
  const sources = config.sources.filter((s) => (options.sourceIds?.length ? options.sourceIds.includes(s.id) : s.enabled));
  if (!sources.length) throw new ConfigError([`${configLabel}: every source has enabled: false: enable one, or name one with --source ID`]);
  const { defaults } = config;
  const fetcher =
    options.fetcher ??
    createFetcher({
      timeoutMs: defaults.timeout_ms,
      maxBytes: defaults.max_bytes,
      maxRedirects: defaults.max_redirects,
      concurrency: defaults.concurrency,
      perHost: defaults.per_host,
    });
  const classify = createClassifier(taxonomy);

  const release = options.dryRun ? () => {} : acquireLock(options.storeDir, now);
  try {
    if (!options.dryRun) removeStaleTemps(options.storeDir);
    const state = readIngestState(options.storeDir);
    // Each source's entry is replaced, never mutated, so this keeps the state as it is on disk.
    const onDisk = { ...state.sources };
    const stored = readNewsStore(options.storeDir);
    const storedIds = new Set(stored.map((i) => i.id));
    const fetchStarted = performance.now();

    const ingestOne = async (source: SourceConfig): Promise<{ report: SourceReport; items: ClassifiedItem[] }> => {
      const t0 = performance.now();
      const base: SourceReport = {
        id: source.id,
        name: source.name,
        status: 'ok',
        entries: 0,
        kept: 0,
        offTopic: 0,
        tooOld: 0,
        skippedEntries: {},
        added: 0,
        ms: 0,
      };
      const finish = (report: SourceReport, items: ClassifiedItem[] = []) => {
        report.ms = Math.round(performance.now() - t0);
        options.onSource?.(report);
        return { report, items };
      };
      const previous = state.sources[source.id];
      const resting = isHttpLocation(source.url) && !options.retryNow ? skipReason(previous, now) : undefined;
      if (resting) return finish({ ...base, status: 'skipped', reason: resting });
      try {
        let body: Uint8Array;
        let contentType: string | undefined;
        let documentUrl: string | undefined;
        if (isHttpLocation(source.url)) {
          const result = await fetcher.fetchFeed(source.url, previous ?? {});
          if (result.status === 'not-modified') {
            state.sources[source.id] = afterSuccess(previous, {});
            return finish({ ...base, status: 'not-modified' });
          }
          ({ body, contentType, url: documentUrl } = result);
          state.sources[source.id] = afterSuccess(previous, result);
        } else {
          const file = source.url.startsWith('file:') ? fileURLToPath(source.url) : path.resolve(path.dirname(options.configFile), source.url);
          body = await readFile(file).catch((cause: NodeJS.ErrnoException) => {
            throw new FetchError(rel(file), cause.code === 'ENOENT' ? 'no such file' : cause.message, { cause });
          });
        }
        const processed = await processFeed({ body, contentType, documentUrl, source, now, classify, maxBytes: defaults.max_bytes, since: options.since });
        // New to the store so far; the table after the merge also discounts stories another source brought first.
        const added = processed.items.filter((i) => !storedIds.has(i.id)).length;
        const { entries, offTopic, tooOld, skipped: skippedEntries } = processed;
        return finish({ ...base, entries, kept: processed.items.length, offTopic, tooOld, skippedEntries, added }, processed.items);
      } catch (error) {
        if (!(error instanceof FetchError || error instanceof FeedError)) throw error;
        if (isHttpLocation(source.url))
          state.sources[source.id] = afterFailure(previous, error.message, now, error instanceof FetchError ? error.retryAfterMs : undefined);
        const status = error instanceof FeedError && error.kind === 'not-a-feed' ? 'not-a-feed' : 'error';
        const alternate = error instanceof FeedError ? error.alternate : undefined;
        return finish({
          ...base,
          status,
          reason: error.message,
          ...(alternate ? { alternate } : {}),
          ...(error instanceof FetchError && error.network ? { network: true } : {}),
        });
      }
    };

    // A source holds its slot from request to parsed items, so at most `concurrency` bodies wait in
    // memory for the (single-threaded) parser: fetching never runs ahead of processing.
    const slots = createLimiter(defaults.concurrency, defaults.per_host);
    const slotKey = (s: SourceConfig) => (isHttpLocation(s.url) && URL.canParse(s.url) ? new URL(s.url).host : `file:${s.id}`);
    const results = await Promise.all(sources.map((source) => slots.run(slotKey(source), () => ingestOne(source))));
    const fetchMs = performance.now() - fetchStarted;
    // Source order, then feed order: the first source listed wins a syndicated story.
    const incoming = results.flatMap((r) => r.items);
    const reclassified = options.reclassify ? reclassifyStored(stored, classify, config.sources) : undefined;
    const merged = mergeItems(reclassified?.items ?? stored, incoming, { now, retentionDays: defaults.retention_days });
    const addedIds = new Set(merged.added.map((i) => i.id));
    // Credit each new item to the first source (in config order) that brought it: delete() marks it taken.
    for (const { report, items } of results) report.added = items.filter((i) => addedIds.has(i.id) && addedIds.delete(i.id)).length;
    const clustered = clusterItems(merged.items);
    const reports = results.map((r) => r.report);
    const offline = isOffline(reports);
    // Offline, the failures say nothing about the sources and no item arrived: writing would only
    // back every source off and expire items for a network that is down. So nothing is written.
    const write = !options.dryRun && !offline;
    const written = write ? writeNewsStore(options.storeDir, clustered) : { written: [], removed: [] };
    const stateWritten = write && writeIngestState(options.storeDir, state);
    return {
      sources: reports,
      added: merged.added.length,
      duplicates: merged.duplicates,
      expired: merged.expired,
      reclassified: reclassified ? { items: stored.length, changed: reclassified.changed, dropped: reclassified.dropped } : null,
      total: clustered.length,
      clusters: new Set(clustered.filter((i) => i.clusterSize > 1).map((i) => i.clusterId)).size,
      written: written.written.map(rel),
      removed: written.removed.map(rel),
      stateWritten,
      dryRun: Boolean(options.dryRun),
      offline,
      nextAttempt:
        nextAttempt(
          sources.map((s) => (isHttpLocation(s.url) ? (offline ? onDisk : state.sources)[s.id] : undefined)),
          now,
        ) ?? null,
      fetchMs: Math.round(fetchMs),
      totalMs: Math.round(performance.now() - started),
    };
  } finally {
    release();
  }
}
