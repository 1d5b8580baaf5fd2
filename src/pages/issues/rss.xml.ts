// The weekly newsletter as RSS: every published issue, full text. Valid (and empty) before the first issue.
import type { APIRoute } from 'astro';
import { authorsById } from '../../site/essays.ts';
import { publishedIssues } from '../../site/issues.ts';
import { entryHtml, feedResponse, siteChannel } from '../../site/syndication.ts';
import { CARD_PATHS, cardImage } from '../../lib/cards/paths.ts';
import { FEED_PATHS } from '../../lib/syndication/discovery.ts';
import { issueEntry, issueUrl } from '../../lib/syndication/issue-entry.ts';
import { rssFeed } from '../../lib/syndication/rss.ts';
import { SITE, feedLimit } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const root = new URL('/', site).href;
  const [issues, people] = await Promise.all([publishedIssues(), authorsById()]);
  const entries = await Promise.all(
    issues.slice(0, feedLimit()).map(async (issue) =>
      issueEntry(
        { ...issue, html: await entryHtml(issue.entry, issueUrl(root, issue.id)) },
        root,
        issue.authors.map((id) => ({ name: people.get(id)?.name ?? id, url: new URL(`/authors/${id}/`, root).href })),
        cardImage(root, CARD_PATHS.issue(issue.id), issue.title),
      ),
    ),
  );
  const channel = siteChannel(root, {
    title: `${SITE.name}: the weekly issue`,
    description: `The ${SITE.name} newsletter: the week in AI infrastructure, with our essays and the news that mattered. The latest ${feedLimit()} issues; every issue is at ${new URL('/issues/', root).href}`,
    homeUrl: new URL('/issues/', root).href,
    links: { rss: new URL(FEED_PATHS.issues, root).href },
  });
  return feedResponse(rssFeed(channel, entries), 'application/xml');
};
