// Two entries and a channel shared by the feed-writer tests.
import type { FeedChannel, FeedEntry } from '../../../src/lib/syndication/entry.ts';

export const SITE = 'https://substation.example/';

export const channel: FeedChannel = {
  title: 'Substation',
  description: 'Research on the infrastructure under AI',
  homeUrl: SITE,
  links: { rss: `${SITE}rss.xml`, atom: `${SITE}atom.xml`, json: `${SITE}feed.json` },
  language: 'en',
  icon: `${SITE}favicon.svg`,
  logo: `${SITE}og/home.png`,
};

export const older: FeedEntry = {
  id: `${SITE}essays/older/`,
  url: `${SITE}essays/older/`,
  title: 'Waiting <in> line & "queues"',
  summary: 'A dek with <b>markup</b> that must stay text.',
  contentHtml: '<p>Body with a CDATA terminator ]]> inside.</p>',
  published: new Date('2026-03-01T00:00:00Z'),
  authors: [{ name: 'Mara Okafor', url: `${SITE}authors/mara-okafor/` }],
  categories: [{ term: 'energy', label: 'Energy', scheme: `${SITE}topics/` }],
  image: { url: `${SITE}og/essays/older.png`, type: 'image/png', width: 1200, height: 630, alt: 'card' },
};

export const newer: FeedEntry = {
  id: `${SITE}essays/newer/`,
  url: `${SITE}essays/newer/`,
  title: 'Heat — the new “floor space”',
  summary: 'Plain dek.',
  contentHtml: '<p>Newer body</p>',
  published: new Date('2026-05-26T00:00:00Z'),
  updated: new Date('2026-06-02T00:00:00Z'),
  authors: [
    { name: 'Theo Lindqvist', url: `${SITE}authors/theo-lindqvist/` },
    { name: 'Priya Raman', url: `${SITE}authors/priya-raman/` },
  ],
  categories: [
    { term: 'datacenters', label: 'Data centres', scheme: `${SITE}topics/` },
    { term: 'liquid-cooling', label: 'liquid-cooling', scheme: `${SITE}tags/` },
  ],
};
