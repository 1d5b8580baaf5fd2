// Readers for the real news in ../shared/news-dev (see its README): the UCI News Aggregator rows
// with STORY ground truth, and the labelled headline sample committed under test/fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface UciRow {
  id: string;
  title: string;
  publisher: string;
  /** b business, t technology, e entertainment, m health. */
  category: string;
  story: string;
  hostname: string;
  /** Crawl time, ms since the epoch. */
  timestamp: number;
  sample: string;
}

/** Rows of uci_dev.tsv.gz, or undefined when the file is absent (a clone without ../shared). */
export function readUci(file: string): UciRow[] | undefined {
  if (!existsSync(file)) return undefined;
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(1);
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const [id, title, , publisher, category, story, hostname, timestamp, sample] = line.split('\t');
      return {
        id: id!,
        title: title!,
        publisher: publisher!,
        category: category!,
        story: story!,
        hostname: hostname!,
        timestamp: Number(timestamp),
        sample: sample!.trim(),
      };
    });
}

/** The rows the issue measures: one SAMPLE, business and technology, one item per story and publisher. */
export function uciEvaluationRows(rows: readonly UciRow[], sample = 'dev36h'): UciRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (row.sample !== sample || (row.category !== 'b' && row.category !== 't')) return false;
    const key = `${row.story}\u0000${row.publisher}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
