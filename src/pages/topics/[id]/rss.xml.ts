// One RSS feed per topic: the published essays filed under it, full text.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { publishedEssays } from '../../../site/essays.ts';
import { essayEntries, feedResponse, siteChannel } from '../../../site/syndication.ts';
import { FEED_PATHS } from '../../../lib/syndication/discovery.ts';
import { rssFeed } from '../../../lib/syndication/rss.ts';
import { CARD_PATHS } from '../../../lib/cards/paths.ts';
import { SITE, feedLimit } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
  return (await getCollection('topics')).map((topic) => ({ params: { id: topic.id }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: CollectionEntry<'topics'> }> = async ({ site, props: { topic } }) => {
  const essays = (await publishedEssays()).filter((e) => e.data.topics.includes(topic.id));
  const channel = siteChannel(site!, {
    title: `${SITE.name}: ${topic.data.label}`,
    description: `${topic.data.description} The latest ${feedLimit()} essays on it; every one is at ${new URL(`/topics/${topic.id}/`, site).href}`,
    homeUrl: new URL(`/topics/${topic.id}/`, site).href,
    links: { rss: new URL(FEED_PATHS.topic(topic.id), site).href },
    logo: new URL(CARD_PATHS.topic(topic.id), site).href,
  });
  return feedResponse(rssFeed(channel, await essayEntries(site!, essays)), 'application/xml');
};
