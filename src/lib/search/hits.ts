// Turns a Pagefind result into what the search page lists: one hit per result (an essay, issue or
// company page, or one news story, indexed as a record of its own), saying what kind of thing it
// is, when it is from and who wrote it. One result is one hit, so the count the page prints is the
// number of hits it lists. Pure, so it is tested without a browser; the page renders hits with
// textContent only.
import { formatUtcDateTime, formatUtcDay, utcDay, utcInstant } from '../news-site/utc-dates.ts';

/** The parts of a Pagefind result the search page uses (see pagefind's PagefindSearchFragment). */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  /** The record's whole indexed text, when Pagefind gives it: tells whether the excerpt is cut. */
  content?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

export type Kind = 'essay' | 'issue' | 'news' | 'company' | 'page';

export interface Hit {
  kind: Kind;
  /** "Essay", "Newsletter", "News", "Company". */
  kindLabel: string;
  title: string;
  /** A path on the site or an http(s) URL; anything else becomes "#". */
  url: string;
  /** Excerpt as text runs; `mark` runs are the matched words. */
  excerpt: ExcerptPart[];
  /** When it is from: `datetime` for <time>, `text` as printed ("1 December 2026, 00:30 UTC" for a story). */
  date?: { datetime: string; text: string };
  /** Who wrote an essay or an issue: "Mara Okafor and Theo Lindqvist". */
  authors?: string;
  /** Where a story was reported: "Wafer Wire". */
  source?: string;
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

/**
 * The excerpt without a leading copy of the title. A story's record is its headline and then its
 * summary, and a page's text starts with its <h1>, so an excerpt from the top starts with the title
 * the hit already shows above it.
 */
export function withoutLeadingTitle(parts: readonly ExcerptPart[], title: string): ExcerptPart[] {
  const text = parts.map((p) => p.text).join('');
  const lead = title.trim();
  // Pagefind collapses whitespace in excerpts; the store's headlines are already collapsed.
  if (!lead || !text.startsWith(lead)) return [...parts];
  let skip = lead.length;
  const rest: ExcerptPart[] = [];
  for (const part of parts) {
    if (skip >= part.text.length) {
      skip -= part.text.length;
      continue;
    }
    rest.push({ text: part.text.slice(skip), mark: part.mark });
    skip = 0;
  }
  if (rest[0]) rest[0] = { ...rest[0], text: rest[0].text.trimStart() };
  return rest.filter((p) => p.text);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An ellipsis where the excerpt cuts the text, at its start or end (Pagefind shows a window of it). */
export function withEllipses(parts: readonly ExcerptPart[], content: string | undefined): ExcerptPart[] {
  const text = squash(parts.map((p) => p.text).join(''));
  const whole = content === undefined ? undefined : squash(content);
  if (!text || !whole || !whole.includes(text)) return [...parts];
  const out = [...parts];
  if (!whole.startsWith(text)) out.unshift({ text: '… ', mark: false });
  if (!whole.endsWith(text)) out.push({ text: ' …', mark: false });
  return out;
}

function kindOf(fragment: PagefindFragment): Kind {
  const kind = fragment.filters?.['kind']?.[0] ?? fragment.meta['kind'];
  return kind && KINDS.has(kind) ? (kind as Kind) : 'page';
}

/** Links stay on the site or go to http(s): a "javascript:" URL from anywhere is never a link. */
export function safeUrl(url: string): string {
  return /^\/(?!\/)/.test(url) || /^https?:\/\//i.test(url) ? url : '#';
}

/** A story's date is an instant, printed with its UTC time; a page's is a day. */
function dateOf(value: string | undefined, kind: Kind): Hit['date'] {
  if (!value) return undefined;
  if (kind === 'news') {
    const instant = utcInstant(value);
    return instant ? { datetime: instant, text: formatUtcDateTime(instant) } : undefined;
  }
  const day = utcDay(value);
  return day ? { datetime: day, text: formatUtcDay(day) } : undefined;
}

/** The hit for one Pagefind result. */
export function hitOf(fragment: PagefindFragment): Hit {
  const kind = kindOf(fragment);
  const date = dateOf(fragment.meta['date'], kind);
  const authors = kind === 'essay' || kind === 'issue' ? fragment.meta['authors']?.trim() : undefined;
  const source = kind === 'news' ? fragment.meta['source']?.trim() : undefined;
  const title = fragment.meta['title'] ?? fragment.url;
  const excerpt = withEllipses(excerptParts(fragment.excerpt), fragment.content);
  return {
    kind,
    kindLabel: KIND_LABELS[kind],
    title,
    url: safeUrl(fragment.url),
    excerpt: withoutLeadingTitle(excerpt, title),
    ...(date ? { date } : {}),
    ...(authors ? { authors } : {}),
    ...(source ? { source } : {}),
  };
}
