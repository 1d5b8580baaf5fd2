// One RSS feed per company: the essays that name it (full text, with disclosures) and its latest
// stories on the wire, newest first, so a reader can follow one company.
import type { APIRoute, GetStaticPaths } from 'astro';
import { companyPages, type CompanyPage } from '../../../site/companies.ts';
import { newsLabels } from '../../../site/news.ts';
import { essayEntries, feedResponse, siteChannel } from '../../../site/syndication.ts';
import { essayFeedKey, keyLookups } from '../../../site/page-keys.ts';
import { COMPANY_FEED_STORIES, companyChannel } from '../../../lib/companies/feed.ts';
import { newsEntry } from '../../../lib/syndication/news-entry.ts';
import { rssFeed } from '../../../lib/syndication/rss.ts';
import { SITE, feedLimit } from '../../../lib/site.ts';

// Each feed's key is the entries it carries (src/site/page-keys.ts), its stories included: a
// rebuild keeps a feed whose latest essays and stories are as they were.
export const getStaticPaths = (async () => {
  const [pages, lookups] = await Promise.all([companyPages(), keyLookups()]);
  return pages.map((page) => ({
    params: { id: page.company.id },
    props: { page },
    cacheKey: essayFeedKey(page.essays, lookups, [page.company, page.news.slice(0, COMPANY_FEED_STORIES)]),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: CompanyPage }> = async ({ site, props: { page } }) => {
  const root = new URL('/', site).href;
  const [essays, labels] = await Promise.all([essayEntries(root, page.essays), newsLabels()]);
  const stories = page.news.slice(0, COMPANY_FEED_STORIES).map((story) => newsEntry(story, root, labels));
  const channel = siteChannel(root, companyChannel(SITE.name, root, page.company, feedLimit()));
  return feedResponse(rssFeed(channel, [...essays, ...stories]), 'application/xml');
};
