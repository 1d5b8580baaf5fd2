// The news wire as RSS: the latest items, each linking to the original article.
import type { APIRoute } from 'astro';
import { allNews, newsLabels } from '../../site/news.ts';
import { feedResponse, siteChannel } from '../../site/syndication.ts';
import { FEED_PATHS } from '../../lib/syndication/discovery.ts';
import { NEWS_FEED_SIZE, newsEntry } from '../../lib/syndication/news-entry.ts';
import { rssFeed } from '../../lib/syndication/rss.ts';
import { SITE } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const root = new URL('/', site).href;
  const [items, labels] = await Promise.all([allNews(), newsLabels()]);
  const channel = siteChannel(root, {
    title: `${SITE.name}: the news wire`,
    description: 'AI infrastructure news from the sources Substation follows, classified by topic and company.',
    homeUrl: new URL('/news/', root).href,
    links: { rss: new URL(FEED_PATHS.news, root).href },
  });
  return feedResponse(
    rssFeed(
      channel,
      items.slice(0, NEWS_FEED_SIZE).map((item) => newsEntry(item, root, labels)),
    ),
    'application/xml',
  );
};
