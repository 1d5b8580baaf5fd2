// Atom 1.0 (RFC 4287). Content goes in as escaped HTML (type="html"), which every reader handles,
// rather than inline XHTML, which would require the essay HTML to be well-formed XML.
import { feedUpdated, sortEntries, type FeedChannel, type FeedEntry } from './entry.ts';
import { attributes, el, prolog } from './xml.ts';

function link(href: string, rel: string, type?: string): string {
  return `<link${attributes({ href, rel, type })}/>`;
}

function entry(e: FeedEntry): string {
  const lines = [
    el('title', e.title, { type: 'text' }),
    link(e.externalUrl ?? e.url, 'alternate', 'text/html'),
    e.externalUrl ? link(e.url, 'related', 'text/html') : '',
    el('id', e.id),
    el('published', e.published.toISOString()),
    el('updated', (e.updated ?? e.published).toISOString()),
    ...e.authors.map((a) => `<author>${el('name', a.name)}${el('uri', a.url)}</author>`),
    ...e.categories.map((c) => `<category${attributes({ term: c.term, label: c.label, scheme: c.scheme })}/>`),
    el('summary', e.summary, { type: 'text' }),
    el('content', e.contentHtml, { type: 'html' }),
    e.image ? `<media:content${attributes({ url: e.image.url, type: e.image.type, medium: 'image', width: e.image.width, height: e.image.height })}/>` : '',
  ];
  return `<entry>\n${lines
    .filter(Boolean)
    .map((l) => `  ${l}`)
    .join('\n')}\n</entry>`;
}

export function atomFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const sorted = sortEntries(entries);
  const self = channel.links.atom;
  const head = [
    el('title', channel.title, { type: 'text' }),
    el('subtitle', channel.description, { type: 'text' }),
    // The feed's id must never change: its self URL, or the page it mirrors when it has none.
    el('id', self ?? channel.homeUrl),
    link(channel.homeUrl, 'alternate', 'text/html'),
    self ? link(self, 'self', 'application/atom+xml') : '',
    el('updated', feedUpdated(sorted).toISOString()),
    el('icon', channel.icon),
    el('logo', channel.logo),
    el('rights', channel.rights),
    // Atom requires an author for every entry; the publication stands in for feeds whose entries have none.
    sorted.every((e) => e.authors.length) ? '' : `<author>${el('name', channel.title)}${el('uri', channel.homeUrl)}</author>`,
  ];
  const ns = attributes({ xmlns: 'http://www.w3.org/2005/Atom', 'xmlns:media': 'http://search.yahoo.com/mrss/', 'xml:lang': channel.language });
  return (
    `${prolog()}<feed${ns}>\n` +
    head
      .filter(Boolean)
      .map((l) => `${l}\n`)
      .join('') +
    sorted.map((e) => `${entry(e)}\n`).join('') +
    '</feed>\n'
  );
}
