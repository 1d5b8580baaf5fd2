// Social cards for each page type: their inputs from the content layer (src/lib/cards/inputs.ts says
// what goes on each card), and their PNGs.
//
// In `astro build` the card routes' getStaticPaths, which Astro 7 calls for every route before it
// renders the first page, hand all their cards at once to the worker pool that src/integrations/
// card-pool.ts started with the build (prefetchCards). Pages render on the main thread meanwhile;
// each card endpoint then awaits its own card and reads the PNG from the cache. Without a pool
// (astro dev, or SUBSTATION_CARD_WORKERS=0) an endpoint renders its card itself, as it always has:
// one renderer (fonts loaded once, disk cache) per process. Either way the same renderer draws it,
// so the bytes are the same.
import { getCollection } from 'astro:content';
import { authorsById, topicsById, type Essay } from './essays.ts';
import type { PublishedIssue } from './issues.ts';
import { readDataset } from '../lib/datasets/dataset-fs.ts';
import { activeCardPool, isPoolUnavailable, type PooledCard } from '../lib/cards/active-pool.ts';
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
const ahead = new Map<string, { json: string; job: Promise<PooledCard> }>();

/** Hands cards to the build's worker pool now, so they render while Astro renders pages; nothing without a pool. */
export function prefetchCards(cards: Iterable<CardProps>): void {
  const pool = activeCardPool();
  if (!pool) return;
  for (const { name, input } of cards) {
    if (ahead.has(name)) continue;
    const job = pool.render(input, name);
    job.catch(() => {}); // a failure is reported by the endpoint that awaits this card
    ahead.set(name, { json: JSON.stringify(input), job });
  }
}

/**
 * getStaticPaths for a card route: a path per card, each card's props its input, every card
 * prefetched. Each path's cacheKey is the card's cache key (its input, the template version, the font
 * bytes), so Astro's incremental build keeps the previous PNG of an unchanged card without running
 * its endpoint.
 */
export function cardPaths<P extends Record<string, string>>(cards: ReadonlyArray<CardProps & { params: P }>) {
  prefetchCards(cards);
  const fonts = loadCardFonts().digest;
  return cards.map(({ params, name, input }) => ({ params, props: { name, input } satisfies CardProps, cacheKey: cardKey(input, fonts) }));
}

async function cardPng({ name, input }: CardProps): Promise<Buffer> {
  const pool = activeCardPool();
  if (pool) {
    const prefetched = ahead.get(name);
    ahead.delete(name);
    // A card no getStaticPaths handed over (the home page's route has none) is waited on now: it goes first.
    const job = prefetched && prefetched.json === JSON.stringify(input) ? prefetched.job : pool.render(input, name, { first: true });
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
