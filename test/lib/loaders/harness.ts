// Runs one dataset's loader against the loopback host, as npm run data does but in memory: the meta
// and CSV texts in, the outcome out. Retry-After waits are recorded and skipped, so a 429 test takes
// no second; the pause between EDGAR requests is real unless a test gives its own clock.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConnectorEnv } from '../../../src/lib/loaders/connectors/context.ts';
import { createHttp, type CachedResponse, type ResponseCache } from '../../../src/lib/loaders/http.ts';
import { runLoader, type Outcome } from '../../../src/lib/loaders/run.ts';

export const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/loaders', name), 'utf8');

export function memoryCache(): ResponseCache & { entries: Map<string, CachedResponse> } {
  const entries = new Map<string, CachedResponse>();
  return { entries, get: (url) => entries.get(url), set: (url, response) => void entries.set(url, response) };
}

export interface Harness {
  sleeps: number[];
  run(meta: string, csv?: string, env?: ConnectorEnv): Promise<Outcome>;
}

export interface HarnessOptions {
  cache?: ResponseCache;
  today?: string;
  /** The clock and wait of the pause between requests to a host (EDGAR's rate); default real time. */
  pace?: { now: () => number; sleep: (ms: number) => Promise<void> };
}

export function harness(options: HarnessOptions = {}): Harness {
  const sleeps: number[] = [];
  const http = createHttp({
    fetcher: { sleep: async (ms) => void sleeps.push(ms), maxRetryWaitMs: 60_000, timeoutMs: 5_000 },
    cache: options.cache,
    ...options.pace,
  });
  return {
    sleeps,
    run: (metaText, csvText, env = {}) =>
      runLoader(
        { name: 'x', metaFile: 'content/data/x.meta.yaml', csvFile: 'content/data/x.csv', metaText, csvText },
        { context: { http, env }, today: options.today ?? '2027-01-04' },
      ),
  };
}

/** A meta file around a loader written as YAML lines (indented two spaces under `loader:`). */
export function meta(columns: Record<string, string>, loader: string[], extra: string[] = []): string {
  return [
    'title: Test dataset',
    'description: Rows for a test.',
    'source: { name: Test source, url: "https://example.com/" }',
    'license: CC BY 4.0',
    'retrieved: 2026-01-15',
    ...extra,
    'columns:',
    ...Object.entries(columns).map(([name, type]) => `  ${name}: { type: ${type} }`),
    'loader:',
    ...loader.map((l) => `  ${l}`),
    '',
  ].join('\n');
}

/** The outcome's new CSV, failing loudly when there is none. */
export function csvOf(outcome: Outcome): string {
  if (outcome.status !== 'updated' || outcome.csv === undefined) throw new Error(`expected new figures, got ${JSON.stringify(outcome)}`);
  return outcome.csv;
}
