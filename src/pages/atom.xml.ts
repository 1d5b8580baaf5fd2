// Every published essay, full text, as Atom 1.0.
import type { APIRoute } from 'astro';
import { essayEntries, feedResponse, siteChannel } from '../site/syndication.ts';
import { FEED_PATHS } from '../lib/syndication/discovery.ts';
import { atomFeed } from '../lib/syndication/atom.ts';

export const GET: APIRoute = async ({ site }) => {
  const channel = siteChannel(site!, { links: { atom: new URL(FEED_PATHS.atom, site).href } });
  return feedResponse(atomFeed(channel, await essayEntries(site!)), 'application/xml');
};
