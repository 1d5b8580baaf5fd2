// The social card of every topic page: /og/topics/<id>.png.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardPaths, cardResponse, topicCards, type CardProps } from '../../../site/cards.ts';

export const getStaticPaths = (async () => {
  return cardPaths((await topicCards()).map(({ id, ...card }) => ({ ...card, params: { id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<CardProps> = ({ props }) => cardResponse(props);
