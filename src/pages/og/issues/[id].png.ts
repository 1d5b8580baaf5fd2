// The social card of every published newsletter issue: /og/issues/<number>.png.
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedIssues, type PublishedIssue } from '../../../data/issues.ts';
import { cardResponse, issueCard } from '../../../data/cards.ts';

export const getStaticPaths = (async () => {
  return (await publishedIssues()).map((issue) => ({ params: { id: issue.id }, props: { issue } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ issue: PublishedIssue }> = async ({ props: { issue } }) => cardResponse(await issueCard(issue), `issues/${issue.id}`);
