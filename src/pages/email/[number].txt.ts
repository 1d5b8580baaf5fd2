// dist/email/<number>.txt: the issue's plain-text part, sent beside the HTML.
import type { APIRoute } from 'astro';
import { emailIssue, emailPaths } from '../../site/issue-email.ts';
import type { Issue } from '../../site/issues.ts';
import { emailText } from '../../lib/email/text.ts';

export const getStaticPaths = emailPaths;

export const GET: APIRoute<{ issue: Issue }> = async ({ props, site }) => {
  const text = emailText(await emailIssue(props.issue, site ?? new URL('https://substation.example')));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
