// dist/email/<number>.html: the issue as an HTML email, what `npm run send` delivers.
import type { APIRoute } from 'astro';
import { emailIssue, emailPaths } from '../../site/issue-email.ts';
import type { Issue } from '../../site/issues.ts';
import { emailHtml } from '../../lib/email/html.ts';

export const getStaticPaths = emailPaths;

export const GET: APIRoute<{ issue: Issue }> = async ({ props, site }) => {
  const html = emailHtml(await emailIssue(props.issue, site ?? new URL('https://substation.example')));
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
