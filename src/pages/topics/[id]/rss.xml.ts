// One RSS feed per topic: the published essays filed under it, full text.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { publishedEssays, type Essay } from '../../../site/essays.ts';
import { essayFeedKey, keyLookups } from '../../../site/page-keys.ts';
import { essayEntries, feedResponse, siteChannel } from '../../../site/syndication.ts';
import { FEED_PATHS } from '../../../lib/syndication/discovery.ts';
import { rssFeed } from '../../../lib/syndication/rss.ts';
import { CARD_PATHS } from '../../../lib/cards/paths.ts';
import { SITE, feedLimit } from '../../../lib/site.ts';

const onTopic = (essays: readonly Essay[], topic: string) => essays.filter((e) => e.data.topics.includes(topic));

// Each feed's key is the entries it carries (src/site/page-keys.ts): a rebuild keeps a feed whose
// latest essays are as they were.
export const getStaticPaths = (async () => {
  const [topics, essays, lookups] = await Promise.all([getCollection('topics'), publishedEssays(), keyLookups()]);
  return topics.map((topic) => ({ params: { id: topic.id }, props: { topic }, cacheKey: essayFeedKey(onTopic(essays, topic.id), lookups, topic.data) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: CollectionEntry<'topics'> }> = async ({ site, props: { topic } }) => {
  const essays = onTopic(await publishedEssays(), topic.id);
  const channel = siteChannel(site!, {
    title: `${SITE.name}: ${topic.data.label}`,
    description: `${topic.data.description} The latest ${feedLimit()} essays on it; every one is at ${new URL(`/topics/${topic.id}/`, site).href}`,
    homeUrl: new URL(`/topics/${topic.id}/`, site).href,
    links: { rss: new URL(FEED_PATHS.topic(topic.id), site).href },
    logo: new URL(CARD_PATHS.topic(topic.id), site).href,
  });
  return feedResponse(rssFeed(channel, await essayEntries(site!, essays)), 'application/xml');
};
