// What an ingest run tells a person: a live line per source, a summary table and the outcome. Pure.
import { describeAttempt } from '../feeds/schedule.ts';

// The report is also what `--json` prints: each field below is part of that output.
export interface SourceReport {
  id: string;
  name: string;
  /** ok: fetched and read; not-modified: a 304; skipped: resting after failures; not-a-feed, error: failed. */
  status: 'ok' | 'not-modified' | 'skipped' | 'not-a-feed' | 'error';
  /** Entries in the document; 0 unless the status is ok. */
  entries: number;
  /** Items kept: on topic (or from a keep_all source), usable and recent enough. */
  kept: number;
  /** Entries dropped because they match no topic (a keep_all source drops none). */
  offTopic: number;
  /** Entries dropped as published before --since. */
  tooOld: number;
  /** Entries dropped as unusable (no link, no title, ...), counted by reason. */
  skippedEntries: Record<string, number>;
  /** Kept items new to the store, credited to the first source (in config order) that brought them. */
  added: number;
  /** Why the source failed or was skipped. */
  reason?: string;
  /** For a page that is not a feed, the feed it advertises. */
  alternate?: string;
  /** Set when the request reached no server (DNS or connection failure). */
  network?: true;
  ms: number;
}

export interface IngestReport {
  sources: SourceReport[];
  added: number;
  duplicates: number;
  expired: number;
  /** With --reclassify: the stored items classified again, how many changed, how many are now off-topic and left the store. */
  reclassified: { items: number; changed: number; dropped: number } | null;
  total: number;
  /** Stories covered by more than one source. */
  clusters: number;
  written: string[];
  removed: string[];
  stateWritten: boolean;
  dryRun: boolean;
  /** No source succeeded and every failure was a connection failure: nothing was written. */
  offline: boolean;
  /** When the earliest resting source may be fetched again (ISO UTC); null when one is due now. */
  nextAttempt: string | null;
  fetchMs: number;
  totalMs: number;
}

const succeeded = (s: SourceReport) => s.status === 'ok' || s.status === 'not-modified';
const failed = (s: SourceReport) => s.status === 'error' || s.status === 'not-a-feed';

/**
 * Whether this machine looks offline: nothing succeeded and every source tried failed to connect.
 * One refused or unresolvable host among working ones is that source's problem, not the network's.
 */
export function isOffline(sources: readonly SourceReport[]): boolean {
  return sources.some((s) => s.network) && sources.every((s) => s.network || s.status === 'skipped');
}

/** The exit code and, for a failed run, the one line saying why and when the next try is due. */
export function runOutcome(report: IngestReport, now: Date): { code: 0 | 1; message?: string } {
  if (report.sources.some(succeeded)) return { code: 0 };
  if (report.offline)
    return { code: 1, message: '✗ every source failed to connect: this machine appears to be offline (no DNS or network); nothing was changed' };
  const next = report.nextAttempt ? `the next retry is due at ${describeAttempt(report.nextAttempt, now)}` : 'the next run retries them';
  if (report.sources.some(failed)) return { code: 1, message: `✗ every source failed: see the reasons above; ${next}` };
  return { code: 1, message: `✗ no source was fetched: every source is resting after failures; ${next}; run with --retry-now to try them now` };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The live line for one source. */
export function sourceLine(r: SourceReport): string {
  switch (r.status) {
    case 'ok':
      return `  ✓ ${r.id}: ${r.added} new, ${r.kept} on topic of ${r.entries} entries (${r.ms}ms)`;
    case 'not-modified':
      return `  ✓ ${r.id}: not modified (${r.ms}ms)`;
    case 'skipped':
      return `  – ${r.id}: skipped, ${r.reason}`;
    case 'not-a-feed':
      return `  ✗ ${r.id}: ${r.reason}${r.alternate ? `; set its url to ${r.alternate}` : ''}`;
    default:
      return `  ✗ ${r.id}: ${r.reason}`;
  }
}

export function summaryLines(report: IngestReport): string[] {
  const ok = report.sources.filter(succeeded).length;
  const bad = report.sources.filter(failed).length;
  const skipped = report.sources.length - ok - bad;
  const width = Math.max(6, ...report.sources.map((s) => s.id.length));
  const table = [
    `  ${'source'.padEnd(width)}  status        entries  kept  off-topic  new`,
    ...report.sources.map(
      (s) =>
        `  ${s.id.padEnd(width)}  ${s.status.padEnd(12)}  ${String(s.entries).padStart(7)}  ${String(s.kept).padStart(4)}  ${String(s.offTopic).padStart(9)}  ${String(s.added).padStart(3)}`,
    ),
  ];
  const store = report.dryRun
    ? '– dry run: nothing written'
    : report.offline
      ? '– offline: nothing written'
      : `✓ stored ${plural(report.added, 'new item')} (${report.total} in the store, ${plural(report.clusters, 'multi-source story', 'multi-source stories')}); ` +
        (report.written.length || report.removed.length
          ? `wrote ${report.written.length ? report.written.join(', ') : 'no shards'}${report.removed.length ? `, removed ${report.removed.join(', ')}` : ''}`
          : 'no file changed');
  return [
    ...table,
    `${ok ? '✓' : '✗'} fetched ${plural(report.sources.length, 'source')} in ${seconds(report.fetchMs)}: ${ok} ok, ${bad} failed, ${skipped} skipped`,
    `✓ ${plural(report.duplicates, 'duplicate')} dropped, ${report.expired} expired`,
    ...(report.reclassified
      ? [
          `✓ reclassified ${plural(report.reclassified.items, 'stored item')} with the current taxonomy: ${report.reclassified.changed} changed, ${report.reclassified.dropped} now off-topic and removed`,
        ]
      : []),
    store,
    `✓ done in ${seconds(report.totalMs)}`,
  ];
}
