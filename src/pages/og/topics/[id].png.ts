// The social card of every topic page: /og/topics/<id>.png.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { cardResponse, topicCard } from '../../../data/cards.ts';

export const getStaticPaths = (async () => {
  return (await getCollection('topics')).map((topic) => ({ params: { id: topic.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => cardResponse(await topicCard(params.id!, site), `topics/${params.id}`);
