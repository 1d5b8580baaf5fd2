// A feed per company (/companies/<id>/rss.xml): the essays that name it and the latest stories on
// the wire that do, so a reader can subscribe to "TSMC" alone. The channel is built here from the
// taxonomy's profile; entries come from the essay and news mappings every other feed uses.
import type { FeedLink } from '../syndication/discovery.ts';
import type { FeedChannel } from '../syndication/entry.ts';
import type { Company } from '../schema/taxonomy.ts';
import { shortName } from './profile.ts';

/** Stories a company feed carries beside its essays: as many as its page lists (COMPANY_NEWS_LIMIT). */
export const COMPANY_FEED_STORIES = 20;

export const companyPath = (id: string) => `/companies/${id}/`;
export const companyFeedPath = (id: string) => `/companies/${id}/rss.xml`;

/** The <link rel="alternate"> a company page advertises. */
export function companyFeed(siteName: string, company: Pick<Company, 'id' | 'name' | 'aliases'>): FeedLink {
  return { href: companyFeedPath(company.id), type: 'application/rss+xml', title: `${siteName}: ${shortName(company)} (RSS)` };
}

/** The channel fields particular to a company feed; the rest come from the site channel. */
export function companyChannel(
  siteName: string,
  site: string,
  company: Pick<Company, 'id' | 'name' | 'aliases' | 'description'>,
  essayLimit: number,
): Partial<FeedChannel> {
  return {
    title: `${siteName}: ${shortName(company)}`,
    description: `${company.name.replace(/\.$/, '')}. ${company.description} Our essays that name it (the latest ${essayLimit}) and the latest ${COMPANY_FEED_STORIES} stories on the wire; everything is at ${new URL(companyPath(company.id), site).href}`,
    homeUrl: new URL(companyPath(company.id), site).href,
    links: { rss: new URL(companyFeedPath(company.id), site).href },
  };
}
