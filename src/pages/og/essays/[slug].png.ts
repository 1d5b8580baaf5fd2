// The social card of every published essay: /og/essays/<slug>.png. In a build every card is handed
// to the card worker pool here, before the first page renders, and the pool writes the file: Astro
// gets a route per card only without a pool, in `astro dev` (see src/site/cards.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedEssays } from '../../../site/essays.ts';
import { cardPaths, cardResponse, essayCards, type CardProps } from '../../../site/cards.ts';

export const getStaticPaths = (async () => {
  const essays = await publishedEssays();
  const cards = await essayCards(essays);
  return cardPaths(cards.map((card, i) => ({ ...card, params: { slug: essays[i]!.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<CardProps> = ({ props }) => cardResponse(props);
