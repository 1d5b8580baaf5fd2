// A newsletter issue as a feed entry. The issues collection is not declared yet, so this reads only
// the fields of src/lib/schema/issue.ts it needs (number, title, dek, date, authors, draft) and
// tolerates the rest: wiring the collection later changes readIssue at most, not the feed.
import type { FeedAuthor, FeedEntry, FeedImage } from './entry.ts';

export interface IssueForFeed {
  /** URL segment: the issue number (/issues/3/), else the entry id. */
  id: string;
  title: string;
  summary: string;
  date: Date;
  draft: boolean;
  /** Author ids, as in essays. */
  authors: string[];
  html?: string | undefined;
}

/** The fields of an issue's frontmatter, whatever else it holds; undefined when it cannot be an issue. */
export function readIssue(id: string, data: unknown): IssueForFeed | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const date = d.date instanceof Date ? d.date : typeof d.date === 'string' ? new Date(d.date) : undefined;
  if (typeof d.title !== 'string' || !date || Number.isNaN(date.getTime())) return undefined;
  const summary = [d.dek, d.preheader, d.summary].find((v): v is string => typeof v === 'string') ?? d.title;
  const authors = Array.isArray(d.authors) ? d.authors.filter((a): a is string => typeof a === 'string') : [];
  const number = typeof d.number === 'number' && Number.isInteger(d.number) ? String(d.number) : undefined;
  return { id: number ?? id, title: d.title, summary, date, draft: d.draft === true, authors };
}

export function issueUrl(site: string, id: string): string {
  return new URL(`/issues/${id}/`, site).href;
}

export function issueEntry(issue: IssueForFeed, site: string, authors: FeedAuthor[] = [], image?: FeedImage): FeedEntry {
  const url = issueUrl(site, issue.id);
  return {
    id: url,
    url,
    title: issue.title,
    summary: issue.summary,
    contentHtml: issue.html,
    published: issue.date,
    authors,
    categories: [],
    image,
  };
}
