// Every published essay, full text, as JSON Feed 1.1.
import type { APIRoute } from 'astro';
import { essayEntries, feedResponse, siteChannel } from '../site/syndication.ts';
import { FEED_PATHS } from '../lib/syndication/discovery.ts';
import { jsonFeedText } from '../lib/syndication/json-feed.ts';
import { SITE } from '../lib/site.ts';

const ICONS = { small: '/favicon-64.png', large: '/icon-512.png' };

export const GET: APIRoute = async ({ site }) => {
  const channel = siteChannel(site!, {
    links: { json: new URL(FEED_PATHS.json, site).href },
    // PNGs, which every reader can show (public/, rendered from favicon.svg): 64 px for a list of
    // subscriptions, 512 px where the feed is shown large.
    icon: new URL(ICONS.small, site).href,
    largeIcon: new URL(ICONS.large, site).href,
    authors: [{ name: SITE.publisher, url: new URL('/', site).href }],
  });
  return feedResponse(jsonFeedText(channel, await essayEntries(site!)), 'application/feed+json');
};
