// XML text helpers shared by the RSS and Atom writers.

// XML 1.0 forbids most C0 controls even when escaped; a stray one from pasted text would make
// every strict reader reject the whole feed, so they are dropped.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function clean(text: string): string {
  return text.replace(INVALID, '');
}

export function escapeXml(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Text in a CDATA section; a literal "]]>" is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${clean(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** `<name attr="v">text</name>`, or nothing when the text is undefined. */
export function el(name: string, text: string | undefined, attrs: Record<string, string | number | undefined> = {}): string {
  if (text === undefined) return '';
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

export function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

/**
 * What a browser shows of an RSS or Atom feed opened as a page: the feed itself, styled by this CSS
 * (public/feed.css). Not XSLT: Chromium is removing it and puts a warning over any page that uses it.
 * The W3C Feed Validator accepts the processing instruction without a warning.
 */
export const FEED_STYLESHEET = '/feed.css';

export function prolog(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/css" href="${escapeXml(FEED_STYLESHEET)}"?>\n`;
}

/** RFC 822 date as RSS 2.0 requires, always in GMT. */
export function rfc822(date: Date): string {
  return date.toUTCString();
}
