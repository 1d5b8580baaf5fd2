// Reads what the news records are made of after a build: the news store and the taxonomy in the
// project (the same files the site was built from, read by the same functions), and the built wire
// pages in the output, for where each story is shown.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTaxonomy } from '../content/validate.ts';
import { groupStories } from '../news-site/stories.ts';
import { readNewsStore } from '../news/store-fs.ts';
import { searchNewsLimit } from '../site.ts';
import { newsRecords, searchedStories, wireAnchors, type NewsRecords, type WirePage } from './news-records.ts';

export interface NewsRecordsFsOptions {
  /** The project's root: content/news and content/taxonomy.yaml are read from it. */
  root: string;
  /** The build output: its news/index.html and news/<n>/index.html are the wire's pages. */
  site: string;
  /** Stories to index, newest first. Default: this build's searchNewsLimit() (src/lib/site.ts). */
  limit?: number;
}

/** The wire's own pages (/news/, /news/2/, …), first page first, each read when asked for; topic wires repeat its stories and are left out. */
export function* readWirePages(site: string): Generator<WirePage> {
  const dir = join(site, 'news');
  if (!existsSync(dir)) return;
  const numbers = readdirSync(dir)
    .filter((name) => /^[1-9]\d*$/.test(name) && existsSync(join(dir, name, 'index.html')))
    .map(Number)
    .sort((a, b) => a - b);
  const pages = existsSync(join(dir, 'index.html')) ? [{ url: '/news/', file: join(dir, 'index.html') }] : [];
  for (const n of numbers) pages.push({ url: `/news/${n}/`, file: join(dir, String(n), 'index.html') });
  for (const { url, file } of pages) yield { url, html: readFileSync(file, 'utf8') };
}

/** One search record per story on the wire, up to the limit, newest first, and the stories it does not show. */
export function readNewsRecords({
  root,
  site,
  limit = searchNewsLimit(),
}: NewsRecordsFsOptions): NewsRecords & { stories: number; left: number; since?: string } {
  const taxonomyFile = join(root, 'content/taxonomy.yaml');
  // The ids as written, even when a profile is invalid (the content check reports that one).
  const { ids } = checkTaxonomy({ file: 'content/taxonomy.yaml', text: existsSync(taxonomyFile) ? readFileSync(taxonomyFile, 'utf8') : '' });
  const { stories, left, since } = searchedStories(groupStories(readNewsStore(join(root, 'content/news'))), limit);
  // The newest stories are on the first pages: the rest of the wire need not be read.
  const anchors = wireAnchors(readWirePages(site), new Set(stories.map((s) => s.id)));
  const result = newsRecords(stories, { anchors, topics: new Set(ids.topics), companies: new Set(ids.companies) });
  return { ...result, stories: stories.length, left, ...(since ? { since } : {}) };
}
