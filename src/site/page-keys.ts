// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
// module graph are unchanged keeps its previous output. The key names everything the page shows
// that is not its own module graph: the entry itself (its content digest), the other entries it
// links with their titles, the build-wide lookups, and the data files its embeds read at render time.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { datasetsDigest } from '../lib/datasets/dataset-fs.ts';
import type { Essay } from './essays.ts';

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

export function essayPageKey(essay: Essay, linked: readonly Essay[], lookups: unknown, root = process.cwd()): string {
  data ??= datasetsDigest({ root });
  const body = essay.body ?? '';
  const readsNews = body.includes('<NewsList');
  if (readsNews) news ??= newsStamp(root);
  return hash(essay.digest ?? body, essay.data.hero, linked.map(essayLink), lookups, data, readsNews ? news : '');
}
