// A field that holds text (an item's <title>, <link>, <guid>, <pubDate>) left without its end tag
// swallows the fields after it: "<title>Broken<link>https://…</link></item>" made the strict parser
// reject the document at </item>, or, once the title's markup was escaped, merged the next item into
// this one's title. Where the parent's end tag shows the field was never closed, it is closed before
// the first field that follows it ("<title>Broken</title><link>…"), else before the parent's end
// tag. Only documents that are not well-formed change: in one that is, every end tag closes the
// element opened last.

/**
 * One token of an XML document: a comment, a CDATA section (either to the end of the text when
 * unterminated), a processing instruction, a declaration, or a tag with groups [slash, name,
 * attributes]. No part of a tag crosses a "<" (XML allows none in a tag), so a scan is linear.
 */
export const XML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^<>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:"[^"<]*"|'[^'<]*'|[^<>"'])*)>/g;

// Fields that hold text, never other fields: closed where a missing end tag shows.
const TEXT_FIELD =
  /^(?:title|link|description|guid|pubDate|comments|category|enclosure|id|updated|published|summary|content|rights|subtitle|lastBuildDate|language|copyright|managingEditor|webMaster|generator|ttl|docs|(?:dc|dcterms):[\w.-]+|content:encoded)$/;
// Elements that begin the next field: a text field, or one that holds fields of its own.
const startsField = (name: string) => TEXT_FIELD.test(name) || /^(?:author|contributor|source)$|^(?:atom|media|itunes|feedburner):/.test(name);

interface Open {
  name: string;
  /** Where the first field written inside this element starts. */
  field?: number;
}

/** The document with each text field left unclosed closed where its next sibling starts (see above). */
export function closeUnclosedFields(xml: string): string {
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  const inserts: { at: number; tag: string }[] = [];
  for (const match of xml.matchAll(XML_TOKEN)) {
    const [, slash, name, rest] = match;
    if (!name) continue;
    if (!slash) {
      const parent = stack.at(-1);
      if (parent && parent.field === undefined && startsField(name)) parent.field = match.index;
      if (!rest!.endsWith('/')) {
        stack.push({ name });
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
      }
      continue;
    }
    if (!openCount.get(name)) continue; // an end tag with no element to close: left to the parser
    // Pop to the element this end tag closes; those above it were left open (innermost first).
    for (let top = stack.pop(); top; top = stack.pop()) {
      openCount.set(top.name, openCount.get(top.name)! - 1);
      if (top.name === name) break;
      if (TEXT_FIELD.test(top.name)) inserts.push({ at: top.field ?? match.index, tag: `</${top.name}>` });
    }
  }
  if (inserts.length === 0) return xml;
  inserts.sort((a, b) => a.at - b.at); // stable: at one place, inner elements close first
  let out = '';
  let last = 0;
  for (const { at, tag } of inserts) {
    out += xml.slice(last, at) + tag;
    last = at;
  }
  return out + xml.slice(last);
}
