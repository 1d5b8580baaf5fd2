// An issue as email, for the build's static endpoints (src/pages/email/). The issue's MDX is
// rendered through Astro's container API, the same pipeline as the issue page, then made into
// HTML and text by the pure builders in src/lib/email.
import { emailContent } from '../lib/email/content.ts';
import type { EmailIssue } from '../lib/email/html.ts';
import { postalAddress } from '../lib/email/postal-address.ts';
import { unsubscribeUrl } from '../lib/email/unsubscribe.ts';
import { SITE, formatDate, joinNames } from '../lib/site.ts';
import { authorsById } from './essays.ts';
import { issueEntries, type Issue } from './issues.ts';
import { renderBody } from './render-body.ts';

const cache = new Map<string, Promise<EmailIssue>>();

async function build(issue: Issue, site: URL): Promise<EmailIssue> {
  const issueUrl = new URL(`/issues/${issue.id}/`, site).href;
  const raw = await renderBody(issue, issueUrl);
  const people = await authorsById();
  return {
    siteName: SITE.name,
    siteUrl: new URL('/', site).href,
    issueUrl,
    archiveUrl: new URL('/issues/', site).href,
    unsubscribeUrl: unsubscribeUrl(site.href, process.env.LIST_UNSUBSCRIBE),
    postalAddress: postalAddress(),
    disclaimer: SITE.disclaimer,
    number: issue.data.number,
    title: issue.data.title,
    dek: issue.data.dek,
    preheader: issue.data.preheader,
    dateText: formatDate(issue.data.date),
    byline: joinNames(issue.data.authors.map((id) => people.get(id)?.name ?? id)),
    contentHtml: emailContent(raw, { pageUrl: issueUrl }),
  };
}

/** Memoised: the .html and .txt endpoints share one render per issue. */
export function emailIssue(issue: Issue, site: URL): Promise<EmailIssue> {
  const key = `${issue.id}\u0000${site.href}`;
  let built = cache.get(key);
  if (!built) cache.set(key, (built = build(issue, site)));
  return built;
}

/** getStaticPaths for the email endpoints: one file per published issue. */
export async function emailPaths() {
  return (await issueEntries()).map((issue) => ({ params: { number: issue.id }, props: { issue } }));
}
