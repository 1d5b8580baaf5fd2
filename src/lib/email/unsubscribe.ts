// Where a reader unsubscribes, two ways. The site is static, so the footer's link (and the text
// part's) is a mailbox the editors read, or a page LIST_UNSUBSCRIBE names; it is built into the email
// once for everyone. One-click unsubscribe (RFC 8058), which Gmail and Yahoo require of bulk senders,
// needs an https endpoint that takes a POST and unsubscribes the recipient at once: a list service's,
// named by LIST_UNSUBSCRIBE_URL when sending (scripts/send.ts), per recipient when it holds {email}.

/** mailto:unsubscribe@<site host>?subject=unsubscribe, unless `override` (LIST_UNSUBSCRIBE) is set. */
export function unsubscribeUrl(siteUrl: string, override?: string): string {
  if (override?.trim()) return override.trim();
  return `mailto:unsubscribe@${new URL(siteUrl).hostname}?subject=unsubscribe`;
}

/** Where LIST_UNSUBSCRIBE_URL puts the recipient's address. */
export const RECIPIENT_PLACEHOLDER = '{email}';

/** The one-click address for one recipient: every {email} becomes their address, URL-encoded. */
export function oneClickUrl(template: string, recipient: string): string {
  return template.split(RECIPIENT_PLACEHOLDER).join(encodeURIComponent(recipient));
}

/** LIST_UNSUBSCRIBE_URL checked: RFC 8058 allows only an https URI for one-click. */
export function oneClickProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(oneClickUrl(value, 'reader@example.com'));
  } catch {
    return `LIST_UNSUBSCRIBE_URL must be an https: URL such as https://lists.example.com/unsubscribe?email={email}, received "${value}"`;
  }
  if (url.protocol !== 'https:') return `LIST_UNSUBSCRIBE_URL must be an https: URL (one-click unsubscribe takes no other), received "${value}"`;
  return undefined;
}
