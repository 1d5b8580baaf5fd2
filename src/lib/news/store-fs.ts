// The news store on disk: content/news/YYYY-MM.json plus the ingest state file. readNewsStore is
// what the site, company pages and digest use; writeNewsStore rewrites only shards whose bytes change.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { formatIssues } from '../errors/format-issues.ts';
import { IngestStateSchema, type IngestState } from '../schema/ingest-state.ts';
import type { NewsItem } from '../schema/news.ts';
import { writeFileIfChanged } from './atomic-fs.ts';
import { compareItems, parseShard, serializeShard, shardByMonth, SHARD_FILE, StoreError } from './store.ts';

export const STATE_FILE = '.state.json';

function shardFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => SHARD_FILE.test(name))
    .sort();
}

/** Every stored item, validated, newest first. An absent directory is an empty store. */
export function readNewsStore(dir: string): NewsItem[] {
  const items: NewsItem[] = [];
  for (const name of shardFiles(dir)) items.push(...parseShard(readFileSync(path.join(dir, name), 'utf8'), path.join(dir, name)));
  return items.sort(compareItems);
}

/**
 * Every problem of the store under `root`, for the content check: one line per field, naming the
 * shard as `content/news/…` (the store's own reader stops at the first bad shard), and the count of
 * items read.
 */
export function newsStoreProblems(root: string, store = 'content/news'): { problems: string[]; items: number } {
  const problems: string[] = [];
  let items = 0;
  for (const name of shardFiles(path.join(root, store))) {
    try {
      items += parseShard(readFileSync(path.join(root, store, name), 'utf8'), `${store}/${name}`).length;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      // A field ingest wrote wrong, or a hand edit: the fix is the file's (invalid JSON says so already).
      const restore = `ingest writes this file: correct the field, or restore it with git checkout -- ${store}/${name}`;
      problems.push(...error.message.split('\n').map((line) => (line.includes('Restore it') ? line : `${line}; ${restore}`)));
    }
  }
  return { problems, items };
}

export interface WriteReport {
  /** Shard files written because their content changed. */
  written: string[];
  /** Shard files removed because no item is left in their month. */
  removed: string[];
}

export function writeNewsStore(dir: string, items: readonly NewsItem[]): WriteReport {
  mkdirSync(dir, { recursive: true });
  const report: WriteReport = { written: [], removed: [] };
  const shards = shardByMonth(items);
  for (const [month, list] of shards) {
    const file = path.join(dir, `${month}.json`);
    if (writeFileIfChanged(file, serializeShard(month, list))) report.written.push(file);
  }
  for (const name of shardFiles(dir)) {
    if (shards.has(name.slice(0, 7))) continue;
    rmSync(path.join(dir, name));
    report.removed.push(path.join(dir, name));
  }
  return report;
}

export function readIngestState(dir: string): IngestState {
  const file = path.join(dir, STATE_FILE);
  if (!existsSync(file)) return { version: 1, sources: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // The state is a cache of HTTP validators and backoff: losing it costs one full fetch, nothing more.
    return { version: 1, sources: {} };
  }
  const parsed = IngestStateSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${formatIssues(parsed.error.issues, { file }).join('\n')}\nDelete ${file} to start afresh; it only holds fetch state.`);
  return parsed.data;
}

/**
 * Writes the state with sorted keys; unchanged state leaves the file untouched, mtime included. The
 * state holds no "last attempt" time on purpose: a 304, a resting source or a repeat of the same
 * answer then leaves the same bytes, and only what the next run needs (validators, the failure count,
 * its reason, the end of a rest) can change the file.
 */
export function writeIngestState(dir: string, state: IngestState): boolean {
  const file = path.join(dir, STATE_FILE);
  // Keys in a fixed order, so the same state always gives the same bytes.
  const sources = Object.fromEntries(
    Object.entries(state.sources)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, s]) => [id, { etag: s.etag, lastModified: s.lastModified, failures: s.failures, lastError: s.lastError, retryAfter: s.retryAfter }]),
  );
  mkdirSync(dir, { recursive: true });
  return writeFileIfChanged(file, `${JSON.stringify({ version: 1, sources }, null, 2)}\n`);
}
