// Essays and issues as feed entries, and the feeds a page advertises.
import { describe, expect, it } from 'vitest';
import { essayEntry } from '../../../src/lib/syndication/essay-entry.ts';
import { issueEntry, readIssue } from '../../../src/lib/syndication/issue-entry.ts';
import { pageFeeds, topicFeed } from '../../../src/lib/syndication/discovery.ts';
import { SITE } from './fixtures.ts';

describe('essayEntry', () => {
  it('links the essay, names authors and files topics before tags', () => {
    const entry = essayEntry(
      { slug: 'heat', title: 'Heat', dek: 'Dek', date: new Date('2026-05-26'), authors: ['theo'], topics: ['energy'], tags: ['thermal'], html: '<p>x</p>' },
      { site: SITE, authorName: (id) => id.toUpperCase(), topicLabel: () => 'Energy' },
    );
    expect(entry).toMatchObject({
      id: 'https://substation.example/essays/heat/',
      url: 'https://substation.example/essays/heat/',
      summary: 'Dek',
      contentHtml: '<p>x</p>',
      authors: [{ name: 'THEO', url: 'https://substation.example/authors/theo/' }],
      categories: [
        { term: 'energy', label: 'Energy', scheme: 'https://substation.example/topics/' },
        { term: 'thermal', label: 'thermal', scheme: 'https://substation.example/tags/' },
      ],
    });
  });
});

describe('readIssue', () => {
  it('reads an issue by its number, dek and authors', () => {
    const issue = readIssue('007-power-first', {
      number: 7,
      title: 'Power first',
      dek: 'The week',
      date: new Date('2026-11-20'),
      authors: ['mara'],
      week: '2026-W47',
    });
    expect(issue).toEqual({ id: '7', title: 'Power first', summary: 'The week', date: new Date('2026-11-20'), draft: false, authors: ['mara'] });
    expect(issueEntry(issue!, SITE).url).toBe('https://substation.example/issues/7/');
  });

  it('rejects data that cannot be an issue', () => {
    expect(readIssue('x', { title: 'No date' })).toBeUndefined();
    expect(readIssue('x', null)).toBeUndefined();
  });
});

describe('pageFeeds', () => {
  it('offers a page its own feed first, then the site feeds once each', () => {
    const feeds = pageFeeds('Substation', [topicFeed('Substation', 'energy', 'Energy')]);
    expect(feeds.map((f) => f.href)).toEqual(['/topics/energy/rss.xml', '/rss.xml', '/atom.xml', '/feed.json']);
    expect(pageFeeds('Substation', [{ href: '/rss.xml', type: 'application/rss+xml', title: 'x' }])).toHaveLength(3);
  });
});
