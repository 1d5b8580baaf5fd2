// Python's feedparser (Debian python3-feedparser) as a real feed reader would use it. Suites skip with
// a printed reason where it is missing; .ci/run installs it. pyenv shims can hide the Debian module,
// so /usr/bin/python3 is tried after whatever python3 is on PATH.
import { execFileSync } from 'node:child_process';

export interface ParsedFeed {
  bozo: boolean;
  /** A strict XML parser's complaint (Python's expat), or null when the file is well-formed. */
  xmlError: string | null;
  bozoException: string | null;
  version: string;
  title: string;
  entries: Array<{ title: string; link: string; id: string; tags: string[]; authors: string[]; content: string; media: string[] }>;
}

const SCRIPT = `
import feedparser, json, sys
import xml.etree.ElementTree as ET
out = []
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    try:
        ET.parse(path)
        wf = None
    except ET.ParseError as err:
        wf = str(err)
    out.append({
        "bozo": bool(d.bozo),
        "xmlError": wf,
        "bozoException": str(d.get("bozo_exception")) if d.bozo else None,
        "version": d.version or "",
        "title": d.feed.get("title", ""),
        "entries": [{
            "title": e.get("title", ""),
            "link": e.get("link", ""),
            "id": e.get("id", ""),
            "tags": [t.get("term") for t in e.get("tags", [])],
            "authors": [a.get("name", "") for a in e.get("authors", [])],
            "content": (e.get("content") or [{}])[0].get("value", ""),
            "media": [m.get("url") for m in e.get("media_content", [])],
        } for e in d.entries],
    })
print(json.dumps(out))
`;

function findPython(): string | undefined {
  for (const bin of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(bin, ['-c', 'import feedparser'], { stdio: 'ignore' });
      return bin;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

export const feedparserPython = findPython();
export const noFeedparserReason = 'skipped: Python feedparser is not installed (apt-get install python3-feedparser)';

/** Parse feed files with feedparser in one Python process, in order. */
export function parseWithFeedparser(files: readonly string[]): ParsedFeed[] {
  if (!feedparserPython) throw new Error(noFeedparserReason);
  const out = execFileSync(feedparserPython, ['-c', SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as ParsedFeed[];
}
