// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
// module graph are unchanged keeps its previous output. The key names everything the page shows
// that is not its own module graph: the entry itself (its content digest), the other entries it
// links with their titles, the build-wide lookups, and the data files its embeds read at render time.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { datasetsDigest } from '../lib/datasets/dataset-fs.ts';
import { feedLimit } from '../lib/site.ts';
import { authorsById, companiesById, topicsById, type Essay } from './essays.ts';

const hash = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

let data: string | undefined;
let news: string | undefined;

/** The news store's files by size and mtime: NewsList embeds read it at render time. */
function newsStamp(root: string): string {
  const dir = join(root, 'content/news');
  try {
    return hash(
      readdirSync(dir)
        .sort()
        .map((f) => [f, statSync(join(dir, f)).size, statSync(join(dir, f)).mtimeMs]),
    );
  } catch {
    return 'none';
  }
}

/** A summary of an essay as another page shows it (a link with title, dek, date, topics, authors). */
export const essayLink = (e: Essay) => [e.id, e.data.title, e.data.dek, e.data.date.getTime(), e.data.topics, e.data.authors, e.data.draft];

/**
 * The build-wide names a page shows for ids (authors, companies, topic labels), as one digest: each
 * route's getStaticPaths asks for it, and every key of its paths holds it, so it is hashed once
 * rather than written out again in each of a thousand keys.
 */
export async function keyLookups(): Promise<string> {
  const [authors, companies, topics] = await Promise.all([authorsById(), companiesById(), topicsById()]);
  return hash(
    [...authors],
    [...companies].map(([id, c]) => [id, c.name]),
    [...topics].map(([id, t]) => [id, t.label]),
  );
}

/** What an essay's body reads at render time besides itself: the datasets, and the news store when it embeds a NewsList. */
function bodyInputs(essays: readonly Essay[], root: string): unknown[] {
  data ??= datasetsDigest({ root });
  const readsNews = essays.some((e) => (e.body ?? '').includes('<NewsList'));
  if (readsNews) news ??= newsStamp(root);
  return [data, readsNews ? news : ''];
}

export function essayPageKey(essay: Essay, linked: readonly Essay[], lookups: string, root = process.cwd()): string {
  return hash(essay.digest ?? essay.body ?? '', essay.data.hero, linked.map(essayLink), lookups, ...bodyInputs([essay], root));
}

/** A page that lists essays as links (a tag's, a company's): the links, the names it shows, and anything else it shows (the tag; the company, its stories and coverage). */
export function listPageKey(essays: readonly Essay[], lookups: string, ...rest: unknown[]): string {
  return hash('list', essays.map(essayLink), lookups, rest);
}

/**
 * A feed of essays in full (a topic's, a company's): the entries it carries (the latest feedLimit,
 * each its whole content and frontmatter, whose corrections and disclosures travel with it), the
 * names they show, what their bodies read, and anything else the feed takes (its channel's subject,
 * a company's stories).
 */
export function essayFeedKey(essays: readonly Essay[], lookups: string, rest: unknown, root = process.cwd()): string {
  const limit = feedLimit();
  const carried = essays.slice(0, limit);
  return hash(
    'feed',
    limit,
    carried.map((e) => [e.id, e.digest ?? e.body ?? '', e.data]),
    lookups,
    ...bodyInputs(carried, root),
    rest,
  );
}
