// The newsletter issues a build publishes, under the same rule as essays: drafts and issues dated
// after the build's clock stay out of production (see src/site/essays.ts).
import { getCollection, type CollectionEntry } from 'astro:content';
import { isVisible } from '../lib/essays/visibility.ts';
import { readIssue, type IssueForFeed } from '../lib/syndication/issue-entry.ts';
import { buildNow } from './essays.ts';

export type Issue = CollectionEntry<'issues'>;

/** Published issues as collection entries, newest (highest number) first: what the pages use. */
export async function issueEntries(): Promise<Issue[]> {
  const options = { now: buildNow(), preview: import.meta.env.DEV };
  const issues = await getCollection('issues', ({ data }) => isVisible(data, options));
  return issues.sort((a, b) => b.data.number - a.data.number);
}

export interface PublishedIssue extends IssueForFeed {
  entry: Issue;
}

/** Published issues in the shape the issue feed reads (src/pages/issues/rss.xml.ts), newest first. */
export async function publishedIssues(): Promise<PublishedIssue[]> {
  return (await issueEntries()).flatMap((entry) => {
    const issue = readIssue(entry.id, entry.data);
    return issue ? [{ ...issue, entry }] : [];
  });
}

/** The issues either side of one in number order, for previous/next links. */
export function issueNeighbours(issue: Issue, issues: readonly Issue[]): { previous?: Issue; next?: Issue } {
  const sorted = [...issues].sort((a, b) => a.data.number - b.data.number);
  const at = sorted.findIndex((i) => i.id === issue.id);
  const previous = at > 0 ? sorted[at - 1] : undefined;
  const next = sorted[at + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
