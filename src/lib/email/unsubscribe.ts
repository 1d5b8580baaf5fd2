// Where a reader unsubscribes. The site is static, so the address is a mailbox the editors read:
// the footer link and the List-Unsubscribe header (scripts/send.ts) must agree, hence one function.

/** mailto:unsubscribe@<site host>?subject=unsubscribe, unless `override` (LIST_UNSUBSCRIBE) is set. */
export function unsubscribeUrl(siteUrl: string, override?: string): string {
  if (override?.trim()) return override.trim();
  return `mailto:unsubscribe@${new URL(siteUrl).hostname}?subject=unsubscribe`;
}
