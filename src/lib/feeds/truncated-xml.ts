// A feed cut off in transit (a dropped connection, a full disk on the publisher's side) ends mid-entry
// or without its closing tags, and a strict XML parser then rejects every entry. The complete entries
// are still good: keep the document up to the end of its last complete entry and close what is open.

// Comments, CDATA sections (to the end of the text when unterminated), processing instructions and
// the doctype hold no elements; a tag's attribute values may hold ">".
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!(?:"[^"]*"|'[^']*'|[^>"'])*>|<(\/?)([A-Za-z_][\w:.-]*)((?:"[^"]*"|'[^']*'|[^>"'])*)>/g;
const ENTRY = /^(?:[\w.-]+:)?(?:item|entry)$/;

/**
 * The document up to the end of its last complete <item> or <entry>, with the elements still open
 * there closed; undefined when no entry is complete.
 */
export function closeAfterLastEntry(xml: string): string | undefined {
  const open: string[] = [];
  let cut: { at: number; open: string[] } | undefined;
  for (const match of xml.matchAll(TOKEN)) {
    const [whole, slash, name, rest] = match;
    if (!name) continue;
    if (!slash) {
      if (!rest?.endsWith('/')) open.push(name);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at !== -1) open.length = at; // a close tag also closes children left open inside it
    if (ENTRY.test(name)) cut = { at: match.index + whole.length, open: [...open] };
  }
  if (!cut) return undefined;
  return (
    xml.slice(0, cut.at) +
    cut.open
      .reverse()
      .map((name) => `</${name}>`)
      .join('')
  );
}
