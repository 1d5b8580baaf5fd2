// Turns Pagefind results into what the search page lists: one hit per essay, issue or company page,
// and one per matching news item (a sub-result of a wire page), each saying what kind of thing it is.
// Pure, so it is tested without a browser; the page renders hits with textContent only.

/** The parts of a Pagefind result the search page uses (see pagefind's PagefindSearchFragment). */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: ReadonlyArray<{ title: string; url: string; excerpt: string }>;
}

export type Kind = 'essay' | 'issue' | 'news' | 'company' | 'page';

export interface Hit {
  kind: Kind;
  /** "Essay", "Newsletter", "News", "Company". */
  kindLabel: string;
  title: string;
  url: string;
  /** Excerpt as text runs; `mark` runs are the matched words. */
  excerpt: ExcerptPart[];
  /** "YYYY-MM-DD" when the page gives one. */
  date?: string;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export const KIND_LABELS: Record<Kind, string> = { essay: 'Essay', issue: 'Newsletter', news: 'News', company: 'Company', page: 'Page' };
const KINDS = new Set<string>(Object.keys(KIND_LABELS));
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Splits Pagefind's excerpt (text with <mark> around matches) into plain-text runs; other tags are dropped. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else {
      const text = piece.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
      if (text) parts.push({ text, mark });
    }
  }
  return parts;
}

function kindOf(fragment: PagefindFragment): Kind {
  const kind = fragment.filters?.['kind']?.[0] ?? fragment.meta['kind'];
  return kind && KINDS.has(kind) ? (kind as Kind) : 'page';
}

/** The hits for one result: a wire page yields its matching items (headings with ids "n-…"). */
export function hitsOf(fragment: PagefindFragment): Hit[] {
  const kind = kindOf(fragment);
  if (kind === 'news') {
    return (fragment.sub_results ?? [])
      .filter((sub) => /#n-[0-9a-f]{16}$/.test(sub.url))
      .map((sub) => ({ kind, kindLabel: KIND_LABELS.news, title: sub.title, url: sub.url, excerpt: excerptParts(sub.excerpt) }));
  }
  const date = fragment.meta['date'];
  return [
    {
      kind,
      kindLabel: KIND_LABELS[kind],
      title: fragment.meta['title'] ?? fragment.url,
      url: fragment.url,
      excerpt: excerptParts(fragment.excerpt),
      ...(date ? { date } : {}),
    },
  ];
}
