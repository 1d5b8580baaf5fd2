// RSS 2.0 with the modules readers actually use: content:encoded for the full text, dc:creator
// for authors (RSS's own <author> must be an e-mail address), media:content for the social card,
// and atom:link rel="self" so readers can tell where the feed lives.
import { feedUpdated, sortEntries, type FeedChannel, type FeedEntry } from './entry.ts';
import { attributes, cdata, el, prolog, rfc822 } from './xml.ts';

const NS = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

function item(entry: FeedEntry): string {
  const lines = [
    el('title', entry.title),
    el('link', entry.externalUrl ?? entry.url),
    el('guid', entry.id, { isPermaLink: entry.id === entry.url ? 'true' : 'false' }),
    el('pubDate', rfc822(entry.published)),
    ...entry.authors.map((a) => el('dc:creator', a.name)),
    ...entry.categories.map((c) => el('category', c.label, { domain: c.scheme })),
    el('description', entry.summary),
    entry.contentHtml === undefined ? '' : `<content:encoded>${cdata(entry.contentHtml)}</content:encoded>`,
    entry.externalUrl ? el('comments', entry.url) : '',
    entry.image
      ? `<media:content${attributes({
          url: entry.image.url,
          type: entry.image.type,
          medium: 'image',
          width: entry.image.width,
          height: entry.image.height,
        })}>${el('media:description', entry.image.alt, { type: 'plain' })}</media:content>`
      : '',
  ];
  return `<item>\n${lines
    .filter(Boolean)
    .map((l) => `  ${l}`)
    .join('\n')}\n</item>`;
}

export function rssFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const sorted = sortEntries(entries);
  const head = [
    el('title', channel.title),
    el('link', channel.homeUrl),
    el('description', channel.description),
    el('language', channel.language),
    el('copyright', channel.rights),
    sorted.length ? el('lastBuildDate', rfc822(feedUpdated(sorted))) : '',
    channel.links.rss ? `<atom:link${attributes({ href: channel.links.rss, rel: 'self', type: 'application/rss+xml' })}/>` : '',
    channel.logo ? `<image>${el('url', channel.logo)}${el('title', channel.title)}${el('link', channel.homeUrl)}</image>` : '',
  ];
  return (
    `${prolog()}<rss version="2.0"${attributes(NS)}>\n<channel>\n` +
    head
      .filter(Boolean)
      .map((l) => `${l}\n`)
      .join('') +
    sorted.map((e) => `${item(e)}\n`).join('') +
    '</channel>\n</rss>\n'
  );
}
