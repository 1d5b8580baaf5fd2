// What an ingest run tells a person: a live line per source, then a summary table. Pure formatting.

export interface SourceReport {
  id: string;
  name: string;
  status: 'ok' | 'not-modified' | 'skipped' | 'not-a-feed' | 'error';
  /** Entries in the document. */
  entries: number;
  /** Items kept after normalising and classifying. */
  items: number;
  /** Items new to the store. */
  added: number;
  offTopic?: number;
  skippedEntries?: Record<string, number>;
  /** Why the source failed or was skipped. */
  reason?: string;
  /** For a page that is not a feed, the feed it advertises. */
  alternate?: string;
  ms: number;
}

export interface IngestReport {
  sources: SourceReport[];
  added: number;
  duplicates: number;
  expired: number;
  total: number;
  /** Stories covered by more than one source. */
  clusters: number;
  written: string[];
  removed: string[];
  stateWritten: boolean;
  dryRun: boolean;
  fetchMs: number;
  totalMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The live line for one source. */
export function sourceLine(r: SourceReport): string {
  switch (r.status) {
    case 'ok':
      return `  ✓ ${r.id}: ${r.added} new, ${r.items} on topic of ${r.entries} entries (${r.ms}ms)`;
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
  const ok = report.sources.filter((s) => s.status === 'ok' || s.status === 'not-modified').length;
  const failed = report.sources.filter((s) => s.status === 'error' || s.status === 'not-a-feed').length;
  const skipped = report.sources.length - ok - failed;
  const width = Math.max(6, ...report.sources.map((s) => s.id.length));
  const table = [
    `  ${'source'.padEnd(width)}  status        entries  on-topic  new`,
    ...report.sources.map((s) => `  ${s.id.padEnd(width)}  ${s.status.padEnd(12)}  ${String(s.entries).padStart(7)}  ${String(s.items).padStart(8)}  ${String(s.added).padStart(3)}`),
  ];
  const store = report.dryRun
    ? '– dry run: nothing written'
    : `✓ stored ${plural(report.added, 'new item')} (${report.total} in the store, ${plural(report.clusters, 'multi-source story', 'multi-source stories')}); ` +
      (report.written.length || report.removed.length ? `wrote ${report.written.length ? report.written.join(', ') : 'no shards'}${report.removed.length ? `, removed ${report.removed.join(', ')}` : ''}` : 'no file changed');
  return [
    ...table,
    `${failed === report.sources.length && report.sources.length ? '✗' : '✓'} fetched ${plural(report.sources.length, 'source')} in ${seconds(report.fetchMs)}: ${ok} ok, ${failed} failed, ${skipped} skipped`,
    `✓ ${plural(report.duplicates, 'duplicate')} dropped, ${report.expired} expired`,
    store,
    `✓ done in ${seconds(report.totalMs)}`,
  ];
}
