// Social cards for each page type: their inputs from the content layer (src/lib/cards/inputs.ts says
// what goes on each card), and their PNGs.
//
// In `astro build` the card routes' getStaticPaths, which Astro 7 calls for every route before it
// renders the first page, hand all their cards at once to the worker pool that src/integrations/
// card-pool.ts started with the build, and give Astro no path for them: the workers render the cards
// into the card cache while the main thread renders pages, and the pool copies each PNG into the
// output once the pages are written (src/lib/cards/deliveries-fs.ts), which costs less than a route
// per card. Without a pool (astro dev, or SUBSTATION_CARD_WORKERS=0) each card is a route whose
// endpoint renders it, as it always has: one renderer (fonts loaded once, disk cache) per process.
// The home page's card is a static route either way; its endpoint asks the pool when there is one.
// The same renderer draws every card, so the bytes are the same.
import { getCollection } from 'astro:content';
import { authorsById, topicsById, type Essay } from './essays.ts';
import type { PublishedIssue } from './issues.ts';
import { readDataset } from '../lib/datasets/dataset-fs.ts';
import { activeCardPool, isPoolUnavailable } from '../lib/cards/active-pool.ts';
import { essayCardInput, heroChart, homeCardInput, issueCardInput, topicCardInput } from '../lib/cards/inputs.ts';
import { createCardRenderer, type CardRenderer } from '../lib/cards/renderer-fs.ts';
import { loadCardFonts } from '../lib/cards/fonts-fs.ts';
import { cardKey } from '../lib/cards/hash.ts';
import type { CardInput } from '../lib/cards/template.ts';

/** A card route's props: the card's name (its path under /og/, for messages) and what goes on it. */
export interface CardProps {
  name: string;
  input: CardInput;
}

/** The configured site (as APIContext.site), which getStaticPaths has no context for. */
const site = (): URL | undefined => (import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined);

export async function essayCards(essays: readonly Essay[]): Promise<CardProps[]> {
  const [authors, topics] = await Promise.all([authorsById(), topicsById()]);
  return essays.map((essay) => ({
    name: `essays/${essay.id}`,
    input: essayCardInput(essay.data, { authors, topics }, essay.data.hero ? heroChart(readDataset(essay.data.hero)) : undefined),
  }));
}

export async function issueCards(issues: readonly PublishedIssue[]): Promise<CardProps[]> {
  const authors = await authorsById();
  return issues.map((issue) => ({ name: `issues/${issue.id}`, input: issueCardInput(issue, { authors }) }));
}

export async function topicCards(): Promise<Array<CardProps & { id: string }>> {
  return (await getCollection('topics')).map((topic) => ({ id: topic.id, name: `topics/${topic.id}`, input: topicCardInput(topic.id, topic.data, site()) }));
}

export function homeCard(): CardProps {
  return { name: 'home', input: homeCardInput(site()) };
}

let renderer: CardRenderer | undefined;

/**
 * getStaticPaths for a card route. In a build with the card pool: every card goes to the pool now,
 * delivered into the output at /og/<name>.png, and no path. Otherwise a path per card, its props the
 * card's input, and its cacheKey the card's cache key (its input, the template version, the font
 * bytes), so Astro's incremental build keeps the previous PNG of an unchanged card without running
 * its endpoint.
 */
export function cardPaths<P extends Record<string, string>>(cards: ReadonlyArray<CardProps & { params: P }>) {
  const pool = activeCardPool();
  if (pool) {
    for (const { name, input } of cards)
      pool.deliver(`og/${name}.png`, 'card', pool.render(input, name), () => (renderer ??= createCardRenderer()).render(input, name));
    return [];
  }
  const fonts = loadCardFonts().digest;
  return cards.map(({ params, name, input }) => ({ params, props: { name, input } satisfies CardProps, cacheKey: cardKey(input, fonts) }));
}

async function cardPng({ name, input }: CardProps): Promise<Buffer> {
  const pool = activeCardPool();
  if (pool) {
    // A card route in a build with the pool is the home page's (or one without getStaticPaths): it goes first.
    const job = pool.render(input, name, { first: true });
    const started = performance.now();
    try {
      const card = await job;
      const png = card.png ?? pool.read(card.key);
      if (png) return png;
    } catch (error) {
      // A pool that cannot take the card (no worker running) leaves it to this thread; a card that failed fails the build.
      if (!isPoolUnavailable(error)) throw error;
    } finally {
      pool.stats.waitedMs += performance.now() - started;
    }
  }
  renderer ??= createCardRenderer();
  return renderer.render(input, name);
}

export async function cardResponse(card: CardProps): Promise<Response> {
  return new Response(new Uint8Array(await cardPng(card)), { headers: { 'Content-Type': 'image/png' } });
}
