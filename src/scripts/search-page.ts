// The search page's script: queries the Pagefind index in /pagefind/ (same origin, loaded on first
// use), narrowed by kind, topic and company, and lists one hit per result, each with its kind, date
// and authors or source. The search lives in the URL (src/lib/search/query-state.ts). Everything is
// written with textContent: titles and excerpts can come from feeds.
import { hitOf, type Hit, type PagefindFragment } from '../lib/search/hits.ts';
import { browsePlan, FACETS, pagefindFilters, readState, statusText, writeState, type SearchState } from '../lib/search/query-state.ts';

interface PagefindResult {
  data(): Promise<PagefindFragment>;
}
interface Pagefind {
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string, options: { filters?: Record<string, string> }, ms: number): Promise<{ results: PagefindResult[] } | null>;
  /** A null term lists every record the filters match (sorted ones only when `sort` is given). */
  search(term: null, options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] }>;
}

const PAGE = 10;
const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
let pagefind: Promise<Pagefind> | undefined;
let results: PagefindResult[] = [];
let shown = 0;
// Each search takes a number; hits that arrive for an older one are dropped, never appended.
let generation = 0;

function load(): Promise<Pagefind> {
  const url = new URL('/pagefind/pagefind.js', location.href).href;
  return (pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => (await pf.init(), pf)));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(hit: Hit): HTMLLIElement {
  const item = el('li', `search-hit search-hit--${hit.kind}`);
  const kind = el('p', 'search-hit__kind', hit.kindLabel);
  const title = el('h2', 'search-hit__title');
  title.append(Object.assign(el('a', '', hit.title), { href: hit.url }));
  item.append(kind, title);
  const who = hit.authors ?? hit.source;
  if (hit.date || who) {
    const meta = el('p', 'search-hit__meta');
    if (hit.date) meta.append(Object.assign(el('time', '', hit.date.text), { dateTime: hit.date.datetime }));
    if (hit.date && who) meta.append(' · ');
    if (who) meta.append(el('span', hit.authors ? 'search-hit__authors' : 'search-hit__source', who));
    item.append(meta);
  }
  const excerpt = el('p', 'search-hit__excerpt');
  for (const part of hit.excerpt) excerpt.append(part.mark ? el('mark', '', part.text) : document.createTextNode(part.text));
  item.append(excerpt);
  return item;
}

async function showMore(run = generation) {
  const batch = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
  if (run !== generation) return;
  shown += batch.length;
  list.append(...batch.map((fragment) => render(hitOf(fragment))));
  const left = results.length - shown;
  more.hidden = left <= 0;
  more.textContent = `More results (${left} more)`;
}

function currentState(): SearchState {
  return readState(new FormData(form));
}

async function search() {
  const run = ++generation;
  const state = currentState();
  history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
  const browse = browsePlan(state);
  if (!state.q && !browse) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type a company, a topic or a phrase, or choose a topic or a company.';
    return;
  }
  status.textContent = 'Searching…';
  const pf = await load();
  let found: PagefindResult[] | undefined;
  if (browse) {
    // The company pages first (a company filter's own page leads), then everything dated, newest first.
    const [companies, dated] = await Promise.all([
      browse.companies ? pf.search(null, browse.companies) : undefined,
      browse.dated ? pf.search(null, browse.dated) : undefined,
    ]);
    found = [...(companies?.results ?? []), ...(dated?.results ?? [])];
  } else {
    found = (await pf.debouncedSearch(state.q, { filters: pagefindFilters(state) }, 200))?.results;
  }
  if (!found || run !== generation) return; // superseded by a newer keystroke or choice
  results = found;
  shown = 0;
  list.replaceChildren();
  more.hidden = true;
  await showMore(run);
  if (run === generation) status.textContent = statusText(results.length, state);
}

/** Keeps the choices the index has: a kind, topic or company with no page or story is not offered. */
async function pruneChoices() {
  const available = await (await load()).filters();
  for (const option of form.querySelectorAll<HTMLInputElement>('input[name="kind"]')) {
    if (option.value !== 'all' && !available['kind']?.[option.value]) option.closest('label')!.hidden = true;
  }
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-search-facet]')) {
    const values = available[select.dataset['searchFacet']!] ?? {};
    for (const option of [...select.options]) if (option.value && !values[option.value]) option.remove();
  }
}

function restore() {
  const state = readState(new URLSearchParams(location.search));
  input.value = state.q;
  for (const facet of FACETS) {
    const value = state.filters[facet];
    if (facet === 'kind') {
      const radio = form.querySelector<HTMLInputElement>(`input[name="kind"][value="${CSS.escape(value ?? 'all')}"]`);
      if (radio) radio.checked = true;
    } else {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${facet}"]`);
      if (select && value && [...select.options].some((o) => o.value === value)) select.value = value;
    }
  }
}

/** A search, or a line saying the index could not be loaded (a broken deploy, a dropped connection). */
function run() {
  search().catch(() => {
    status.textContent = 'Search could not load its index. Reload the page to try again.';
  });
}

form.addEventListener('submit', (event) => (event.preventDefault(), run()));
form.addEventListener('input', run);
more.addEventListener('click', () => void showMore());
restore();
// Choices the index lacks go before the first search, so a link naming one searches without it.
void pruneChoices()
  .catch(() => undefined)
  .then(run);
