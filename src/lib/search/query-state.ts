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

/** "9 results for “HBM”": the number of results, each of which is listed once. */
export function statusText(count: number, state: SearchState): string {
  const filtered = Object.keys(state.filters).length > 0;
  if (count === 0) return `Nothing found for “${state.q}”${filtered ? ' with these filters' : ''}.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${state.q}”${filtered ? ', filtered' : ''}.`;
}
