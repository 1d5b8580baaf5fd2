// Reads what the news records are made of after a build: the news store and the taxonomy in the
// project (the same files the site was built from, read by the same functions), and the built wire
// pages in the output, for where each story is shown.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTaxonomy } from '../content/validate.ts';
import { groupStories } from '../news-site/stories.ts';
import { readNewsStore } from '../news/store-fs.ts';
import { newsRecords, wireAnchors, type NewsRecords, type WirePage } from './news-records.ts';

export interface NewsRecordsFsOptions {
  /** The project's root: content/news and content/taxonomy.yaml are read from it. */
  root: string;
  /** The build output: its news/index.html and news/<n>/index.html are the wire's pages. */
  site: string;
}

/** The wire's own pages (/news/, /news/2/, …), first page first; topic wires repeat its stories and are left out. */
export function readWirePages(site: string): WirePage[] {
  const dir = join(site, 'news');
  if (!existsSync(dir)) return [];
  const numbers = readdirSync(dir)
    .filter((name) => /^[1-9]\d*$/.test(name) && existsSync(join(dir, name, 'index.html')))
    .map(Number)
    .sort((a, b) => a - b);
  const pages = existsSync(join(dir, 'index.html')) ? [{ url: '/news/', file: join(dir, 'index.html') }] : [];
  for (const n of numbers) pages.push({ url: `/news/${n}/`, file: join(dir, String(n), 'index.html') });
  return pages.map(({ url, file }) => ({ url, html: readFileSync(file, 'utf8') }));
}

/** One search record per story on the wire, and the stories it does not show. */
export function readNewsRecords({ root, site }: NewsRecordsFsOptions): NewsRecords & { stories: number } {
  const taxonomyFile = join(root, 'content/taxonomy.yaml');
  // The ids as written, even when a profile is invalid (the content check reports that one).
  const { ids } = checkTaxonomy({ file: 'content/taxonomy.yaml', text: existsSync(taxonomyFile) ? readFileSync(taxonomyFile, 'utf8') : '' });
  const stories = groupStories(readNewsStore(join(root, 'content/news')));
  const result = newsRecords(stories, { anchors: wireAnchors(readWirePages(site)), topics: new Set(ids.topics), companies: new Set(ids.companies) });
  return { ...result, stories: stories.length };
}
