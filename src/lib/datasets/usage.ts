// Which essays and newsletter issues use each dataset, for /data/: a piece uses a dataset when an
// embed in its body reads it (`data="…"` on a chart, Metric, Sparkline or DataTable) or its
// frontmatter `hero` names it. Pure: the pages hand in the published pieces, drafts already left out.
import { EMBEDS } from '../embeds/registry.ts';
import { elementProps, isElement, walk, type MdxNode } from '../mdx/element-props.ts';
import { parseMdx } from '../mdx/parse.ts';

/** A published essay or issue, as /data/ links it. */
export interface DatasetUse {
  kind: 'essay' | 'issue';
  title: string;
  url: string;
}

export interface UsingEntry extends DatasetUse {
  /** The frontmatter `hero` dataset, when set. */
  hero?: string | undefined;
  /** The MDX body. */
  body: string;
}

// The embeds whose `data` prop names a dataset, from the registry, so a new data embed counts too.
const READS_DATA = new Set(Object.entries(EMBEDS).flatMap(([name, spec]) => ('data' in spec.props ? [name] : [])));

/**
 * The datasets a body's embeds read, in order of first use. A `data={name}` that is code (known
 * only when the page renders) cannot be read here and is left out; a body that does not parse has none.
 */
export function datasetsInBody(body: string): string[] {
  const parsed = parseMdx(body);
  if (!parsed.tree) return [];
  const names = new Set<string>();
  for (const node of walk(parsed.tree as unknown as MdxNode)) {
    if (!isElement(node) || !READS_DATA.has(node.name!)) continue;
    const { data } = elementProps(node).props;
    if (typeof data === 'string' && data) names.add(data);
  }
  return [...names];
}

/** The datasets one entry uses: its hero, then those its body reads. */
export function datasetsOf(entry: Pick<UsingEntry, 'hero' | 'body'>): string[] {
  return [...new Set([...(entry.hero ? [entry.hero] : []), ...datasetsInBody(entry.body)])];
}

/** Dataset name → the entries that use it, each once, in the order the entries were given. */
export function usageByDataset(entries: readonly UsingEntry[]): Map<string, DatasetUse[]> {
  const usage = new Map<string, DatasetUse[]>();
  for (const { kind, title, url, ...entry } of entries) {
    for (const name of datasetsOf(entry)) usage.set(name, [...(usage.get(name) ?? []), { kind, title, url }]);
  }
  return usage;
}
