// The essays a build publishes, and lookups over the taxonomy and authors: the one place pages
// ask "what is visible", so drafts and scheduled essays can never leak into one page but not another.
import { getCollection, type CollectionEntry } from 'astro:content';
import { byDateDesc, isVisible } from '../lib/essays/visibility.ts';

export type Essay = CollectionEntry<'essays'>;

/** The build's clock. SUBSTATION_NOW pins it (tests, previews of a future date). */
export function buildNow(): Date {
  const pinned = process.env.SUBSTATION_NOW;
  return pinned ? new Date(pinned) : new Date();
}

export function publishedEssays(): Promise<Essay[]> {
  return once('essays', async () => {
    // MODE, not DEV: DEV follows NODE_ENV, so a build run with NODE_ENV=test would otherwise publish drafts.
    const options = { now: buildNow(), preview: import.meta.env.MODE === 'development' };
    const essays = await getCollection('essays', ({ data }) => isVisible(data, options));
    return essays.sort(byDateDesc);
  });
}

// Build-wide lookups, made once per build (per dev request in `astro dev`, where content changes):
// a thousand essay pages ask for them a thousand times.
const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  if (import.meta.env.DEV) return make();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) memo.set(key, (hit = make()));
  return hit;
}

export function authorsById() {
  return once('authors', async () => new Map((await getCollection('authors')).map((a) => [a.id, a.data] as const)));
}

export function topicsById() {
  return once('topics', async () => new Map((await getCollection('topics')).map((t) => [t.id, t.data] as const)));
}

export function companiesById() {
  return once('companies', async () => new Map((await getCollection('companies')).map((c) => [c.id, c.data] as const)));
}

/** Every tag used by a published essay, with its essays. */
export function essaysByTag(essays: readonly Essay[]): Map<string, Essay[]> {
  const tags = new Map<string, Essay[]>();
  for (const essay of essays) for (const tag of essay.data.tags) tags.set(tag, [...(tags.get(tag) ?? []), essay]);
  return new Map([...tags].sort((a, b) => a[0].localeCompare(b[0])));
}
