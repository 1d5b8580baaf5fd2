// The social card of every published essay: /og/essays/<slug>.png.
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedEssays, type Essay } from '../../../data/essays.ts';
import { cardResponse, essayCard } from '../../../data/cards.ts';

export const getStaticPaths = (async () => {
  return (await publishedEssays()).map((essay) => ({ params: { slug: essay.id }, props: { essay } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ essay: Essay }> = async ({ props: { essay } }) => cardResponse(await essayCard(essay), `essays/${essay.id}`);
