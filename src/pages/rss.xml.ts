// Every published essay, full text, as RSS 2.0.
import type { APIRoute } from 'astro';
import { essayEntries, feedResponse, siteChannel } from '../site/syndication.ts';
import { FEED_PATHS } from '../lib/syndication/discovery.ts';
import { rssFeed } from '../lib/syndication/rss.ts';

export const GET: APIRoute = async ({ site }) => {
  const channel = siteChannel(site!, { links: { rss: new URL(FEED_PATHS.rss, site).href } });
  return feedResponse(rssFeed(channel, await essayEntries(site!)), 'application/xml');
};
