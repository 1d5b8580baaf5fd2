// An essay as a feed entry. Pure: the page glue (src/site/syndication.ts) looks up authors and topics
// and renders the HTML, and passes them in, so this mapping is testable without Astro.
import type { FeedCategory, FeedEntry, FeedImage } from './entry.ts';

export interface EssayForFeed {
  slug: string;
  title: string;
  dek: string;
  date: Date;
  updated?: Date | undefined;
  authors: readonly string[];
  topics: readonly string[];
  tags: readonly string[];
  /** Rendered essay body, already passed through prepareContentHtml. */
  html?: string | undefined;
}

export interface EssayEntryContext {
  /** The site's root URL, e.g. https://substation.example/ */
  site: string;
  authorName: (id: string) => string;
  topicLabel: (id: string) => string;
  /** The essay's social card, if cards are published. */
  image?: (slug: string) => FeedImage | undefined;
}

export function essayUrl(site: string, slug: string): string {
  return new URL(`/essays/${slug}/`, site).href;
}

export function essayEntry(essay: EssayForFeed, ctx: EssayEntryContext): FeedEntry {
  const url = essayUrl(ctx.site, essay.slug);
  const topics: FeedCategory[] = essay.topics.map((id) => ({
    term: id,
    label: ctx.topicLabel(id),
    scheme: new URL('/topics/', ctx.site).href,
  }));
  const tags: FeedCategory[] = essay.tags.map((tag) => ({ term: tag, label: tag, scheme: new URL('/tags/', ctx.site).href }));
  return {
    id: url,
    url,
    title: essay.title,
    summary: essay.dek,
    contentHtml: essay.html,
    published: essay.date,
    updated: essay.updated,
    authors: essay.authors.map((id) => ({ name: ctx.authorName(id), url: new URL(`/authors/${id}/`, ctx.site).href })),
    categories: [...topics, ...tags],
    image: ctx.image?.(essay.slug),
  };
}
