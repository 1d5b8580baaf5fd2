// The issue as an HTML email: a 600px table layout (the one structure every client lays out alike),
// a hidden preheader for the inbox preview, CSS inlined by juice, and nothing relative or scripted.
import juice from 'juice';
import { EMAIL_CSS, EMAIL_DARK_CSS, COLORS } from './styles.ts';

/** The footer's disclaimer when the issue carries none of its own (the site passes SITE.disclaimer). */
export const DEFAULT_DISCLAIMER = 'Research, not investment advice.';

export interface EmailIssue {
  siteName: string;
  /** Absolute URL of the site's home page. */
  siteUrl: string;
  /** Absolute URL of the issue's page. */
  issueUrl: string;
  /** Absolute URL of the archive of issues. */
  archiveUrl: string;
  /** mailto: or https: address that unsubscribes; also sent as List-Unsubscribe. */
  unsubscribeUrl: string;
  /** The sender's postal address, one line, for the footer (SUBSTATION_POSTAL_ADDRESS; see postal-address.ts). */
  postalAddress?: string | undefined;
  /** The site-wide disclaimer (SITE.disclaimer) for the footer; a short default when absent. */
  disclaimer?: string | undefined;
  number: number;
  title: string;
  dek: string;
  /** Inbox preview text; the dek when absent. */
  preheader?: string | undefined;
  /** "23 November 2026". */
  dateText: string;
  /** "Mara Okafor and Theo Lindqvist". */
  byline: string;
  /** The issue's body, already through emailContent(). */
  contentHtml: string;
}

/** Text for HTML: the five characters that can change meaning escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Padding after the preheader keeps clients from pulling body text into the preview.
const PREVIEW_PAD = '&#847;&zwnj;&nbsp;'.repeat(40);

export function emailDocument(issue: EmailIssue): string {
  const e = escapeHtml;
  const preheader = issue.preheader ?? issue.dek;
  return `<!doctype html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(issue.title)}</title>
<style>${EMAIL_CSS}</style>
<style>${EMAIL_DARK_CSS}</style>
</head>
<body>
<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;">${e(preheader)}${PREVIEW_PAD}</div>
<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${COLORS.light.bg}">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" class="card" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;" bgcolor="${COLORS.light.card}">
<tr><td class="masthead"><a class="wordmark" href="${e(issue.siteUrl)}">${e(issue.siteName)}</a><br>Issue ${issue.number} · ${e(issue.dateText)}</td></tr>
<tr><td class="head">
<h1 class="title">${e(issue.title)}</h1>
<p class="dek">${e(issue.dek)}</p>
<p class="byline">By ${e(issue.byline)}</p>
</td></tr>
<tr><td class="body">
${issue.contentHtml}
</td></tr>
<tr><td class="cta"><a href="${e(issue.issueUrl)}">Read this issue on the web</a> · <a href="${e(issue.archiveUrl)}">All issues</a></td></tr>
<tr><td class="footer">You are receiving this because you subscribed to ${e(issue.siteName)}'s weekly issue. <a href="${e(issue.unsubscribeUrl)}">Unsubscribe</a>.<br>${e(issue.disclaimer ?? DEFAULT_DISCLAIMER)}${issue.postalAddress ? `<br>${e(issue.postalAddress)}` : ''}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** The finished email: the document with every rule inlined; media queries kept for dark mode. */
export function emailHtml(issue: EmailIssue): string {
  return juice(emailDocument(issue), {
    preserveMediaQueries: true,
    preserveFontFaces: false,
    removeStyleTags: true,
    // The card keeps width="600" for Outlook while its style lets it shrink on phones.
    applyWidthAttributes: false,
    applyAttributesTableElements: true,
    insertPreservedExtraCss: true,
  });
}
