// The social card of every published newsletter issue: /og/issues/<number>.png.
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedIssues } from '../../../site/issues.ts';
import { cardPaths, cardResponse, issueCards, type CardProps } from '../../../site/cards.ts';

export const getStaticPaths = (async () => {
  const issues = await publishedIssues();
  const cards = await issueCards(issues);
  return cardPaths(cards.map((card, i) => ({ ...card, params: { id: issues[i]!.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<CardProps> = ({ props }) => cardResponse(props);
