// Real feed items hand-labelled by the editorial policy, for measuring the classifier as ingest runs
// it: title and summary together, from sources of every kind. The labels file
// (test/fixtures/news-signal/realfeed-labels.tsv) holds labels only: each row names a document of
// ../shared/realfeeds and an item of it by id. The items' text is read from the documents through
// ingest's own decode, parse and normalise, so nothing of the publishers' text is committed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeFeed } from '../feeds/decode.ts';
import { normalizeFeed } from '../feeds/normalize.ts';
import { parseFeed } from '../feeds/parse.ts';
import type { LabelledHeadline } from './classify-metrics.ts';

export interface RealfeedItem extends LabelledHeadline {
  /** The document in ../shared/realfeeds. */
  feed: string;
  id: string;
  summary: string;
  note: string;
}

/** An item's id in the labels file: the first 10 hex digits of SHA-256 of its document's name and its stored title. */
export const realfeedItemId = (feed: string, title: string) => createHash('sha256').update(`${feed}\n${title}`).digest('hex').slice(0, 10);

const list = (cell: string | undefined) => (cell ? cell.split(',').filter(Boolean) : []);
/** How much of each summary the labellers read, and so the classifier is given. */
export const LABELLED_SUMMARY = 300;
// Any instant: the classifier reads no date.
const NOW = new Date('2026-12-01T00:00:00.000Z');

/**
 * The labelled items, with their titles and summaries as ingest stores them. Throws naming the
 * labels file's line when an item it names is no longer in its document.
 */
export async function readRealfeedItems(labelsFile: string, realfeedsDir: string): Promise<RealfeedItem[]> {
  const [header, ...lines] = readFileSync(labelsFile, 'utf8').split('\n');
  const columns = header!.split('\t');
  const rows = lines
    .map((line, i) => ({ line: i + 2, cells: Object.fromEntries(line.split('\t').map((cell, c) => [columns[c], cell])) }))
    .filter((r) => r.cells.feed);
  const byFeed = new Map<string, Map<string, { title: string; summary: string }>>();
  for (const feed of new Set(rows.map((r) => r.cells.feed!))) {
    const decoded = decodeFeed(readFileSync(path.join(realfeedsDir, feed)));
    const { items } = normalizeFeed(await parseFeed(decoded.text, {}), { source: { id: 'real', name: 'Real' }, now: NOW });
    byFeed.set(feed, new Map(items.map((item) => [realfeedItemId(feed, item.title), { title: item.title, summary: item.summary.slice(0, LABELLED_SUMMARY) }])));
  }
  return rows.map(({ line, cells }) => {
    const item = byFeed.get(cells.feed!)!.get(cells.id!);
    if (!item) throw new Error(`${labelsFile}:${line}: no item with id ${cells.id} in ${cells.feed}; relabel it or remove the row`);
    return {
      feed: cells.feed!,
      id: cells.id!,
      ...item,
      topics: list(cells.topics),
      companies: list(cells.companies),
      uncertain: cells.uncertain === '1',
      note: cells.note ?? '',
    };
  });
}
