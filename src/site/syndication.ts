// Feed entries for the site: published essays with their full HTML, rendered once per build through
// Astro's container API (the same MDX pipeline as the essay pages) and shared by every feed endpoint.
import type { CollectionEntry } from 'astro:content';
import { renderBody } from './render-body.ts';
import { authorsById, companiesById, publishedEssays, topicsById, type Essay } from './essays.ts';
import { CARD_PATHS, cardImage } from '../lib/cards/paths.ts';
import { prepareContentHtml } from '../lib/syndication/content-html.ts';
import type { FeedChannel, FeedEntry } from '../lib/syndication/entry.ts';
import { essayEntry, essayUrl } from '../lib/syndication/essay-entry.ts';
import { SITE, feedLimit, formatDate } from '../lib/site.ts';
import { disclosureStatements, withResearchNotes } from '../lib/research/disclosures.ts';
import { correctionsHtml, lastRevised } from '../lib/research/corrections.ts';

const rendered = new Map<string, Promise<string>>();

type Renderable = CollectionEntry<'essays'> | CollectionEntry<'issues'>;

/** An entry's body as feed-ready HTML; memoised so /rss.xml, /atom.xml, /feed.json and topic feeds render it once. */
export function entryHtml(entry: Renderable, pageUrl: string): Promise<string> {
  const key = `${entry.collection}\u0000${entry.id}\u0000${pageUrl}`;
  let html = rendered.get(key);
  if (!html) {
    html = renderBody(entry, pageUrl).then((raw) => prepareContentHtml(raw, { pageUrl }));
    rendered.set(key, html);
  }
  return html;
}

/**
 * Feed entries for the latest essays of `essays` (default: every published essay), newest first:
 * at most the feed limit, and only those are rendered, so a feed's cost and size stay flat as the
 * archive grows.
 */
export async function essayEntries(site: URL | string, essays?: readonly Essay[]): Promise<FeedEntry[]> {
  const root = new URL('/', site).href;
  const list = (essays ?? (await publishedEssays())).slice(0, feedLimit());
  const [authors, topics, companies] = await Promise.all([authorsById(), topicsById(), companiesById()]);
  // Disclosures and corrections travel with the essay: the note at the head, the disclosures before
  // the footnotes, and the latest correction as the entry's updated date.
  const notes = (essay: Essay) => ({
    statements: disclosureStatements(essay.data.authors, essay.data.disclosures, {
      author: (id) => authors.get(id)?.name ?? id,
      company: (id) => companies.get(id)?.name ?? id,
    }),
    disclaimer: SITE.disclaimer,
    correctionsHtml: correctionsHtml(essay.data.corrections, formatDate),
  });
  return Promise.all(
    list.map(async (essay) =>
      essayEntry(
        {
          slug: essay.id,
          ...essay.data,
          updated: lastRevised(essay.data),
          html: withResearchNotes(await entryHtml(essay, essayUrl(root, essay.id)), notes(essay)),
        },
        {
          site: root,
          authorName: (id) => authors.get(id)?.name ?? id,
          topicLabel: (id) => topics.get(id)?.label ?? id,
          image: (slug) => cardImage(root, CARD_PATHS.essay(slug), essay.data.title),
        },
      ),
    ),
  );
}

/** The channel description shared by a site feed in every format. */
export function siteChannel(site: URL | string, overrides: Partial<FeedChannel> = {}): FeedChannel {
  const root = new URL('/', site).href;
  return {
    title: SITE.name,
    description: `${SITE.description} The latest ${feedLimit()} essays; every essay is listed at ${new URL('/archive/', root).href}`,
    homeUrl: root,
    links: {},
    language: SITE.locale,
    icon: new URL('/favicon.svg', root).href,
    logo: new URL(CARD_PATHS.home, root).href,
    rights: `© ${SITE.publisher}`,
    ...overrides,
  };
}

export function feedResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
