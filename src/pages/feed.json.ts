// Every published essay, full text, as JSON Feed 1.1.
import type { APIRoute } from 'astro';
import { essayEntries, feedResponse, siteChannel } from '../data/syndication.ts';
import { FEED_PATHS } from '../lib/syndication/discovery.ts';
import { jsonFeedText } from '../lib/syndication/json-feed.ts';

export const GET: APIRoute = async ({ site }) => {
  const channel = siteChannel(site!, { links: { json: new URL(FEED_PATHS.json, site).href } });
  return feedResponse(jsonFeedText(channel, await essayEntries(site!)), 'application/feed+json');
};
