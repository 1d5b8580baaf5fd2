// What a search is, as the URL keeps it (?q=HBM&kind=essay&topic=chips&company=sk-hynix), so a
// shared link reopens the same search; the Pagefind filters it asks for; and the line that says
// how many results it found. Pure, so the search page's script only wires these to the DOM.

/** The facets a search can be narrowed by: Pagefind filter names, and the URL parameters that keep them. */
export const FACETS = ['kind', 'topic', 'company'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  /** The words typed, trimmed; "" when none. */
  q: string;
  /** Chosen value per facet (an id: "essay", "chips", "tsmc"); absent means any. */
  filters: Partial<Record<Facet, string>>;
}

/** Ids as the taxonomy and the kinds write them; anything else in a URL is ignored rather than searched. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads a search from a query string or form data; "all", "" and malformed values mean no filter. */
export function readState(params: { get(name: string): unknown }): SearchState {
  const text = (name: string) => {
    const value = params.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const filters: SearchState['filters'] = {};
  for (const facet of FACETS) {
    const value = text(facet);
    if (value && value !== 'all' && ID.test(value)) filters[facet] = value;
  }
  return { q: text('q'), filters };
}

/** The query string for a search: q first, then each chosen facet; empty for an empty search. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) {
    const value = state.filters[facet];
    if (value) params.set(facet, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Pagefind's `filters` option: every chosen facet must match (a record with several topics matches any one of them). */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const facet of FACETS) {
    const value = state.filters[facet];
    if (value) filters[facet] = value;
  }
  return filters;
}

/**
 * A search with no words but a topic or a company browses: everything under that filter, newest
 * first. Dated records (essays, issues, stories) sort by date; Pagefind leaves undated ones (company
 * pages) out of a sorted search, so those come from a second, unsorted one (`companies`).
 */
export interface BrowsePlan {
  dated: { filters: Record<string, string>; sort: { date: 'desc' } } | undefined;
  companies: { filters: Record<string, string> } | undefined;
}

/** How to list a search with no words; undefined when there is nothing to browse (no topic or company chosen). */
export function browsePlan(state: SearchState): BrowsePlan | undefined {
  if (state.q || (!state.filters.topic && !state.filters.company)) return undefined;
  const filters = pagefindFilters(state);
  const kind = state.filters.kind;
  return {
    dated: kind === 'company' ? undefined : { filters, sort: { date: 'desc' } },
    companies: kind === undefined || kind === 'company' ? { filters: { ...filters, kind: 'company' } } : undefined,
  };
}

/** "9 results for “HBM”": the number of results, each of which is listed once. */
export function statusText(count: number, state: SearchState): string {
  const filtered = Object.keys(state.filters).length > 0;
  if (!state.q) return count === 0 ? 'Nothing under these filters yet.' : `${count} ${count === 1 ? 'result' : 'results'} under these filters, newest first.`;
  if (count === 0) return `Nothing found for “${state.q}”${filtered ? ' with these filters' : ''}.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${state.q}”${filtered ? ', filtered' : ''}.`;
}
