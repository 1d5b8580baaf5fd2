// The search page's script: queries the Pagefind index in /pagefind/ (same origin, loaded on first
// use) and lists hits, each labelled with its kind. Everything is written with textContent: result
// titles and excerpts can come from feeds.
import { hitsOf, type Hit, type PagefindFragment } from '../lib/search/hits.ts';

interface PagefindResult {
  data(): Promise<PagefindFragment>;
}
interface Pagefind {
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string, options: { filters?: Record<string, string> }, ms: number): Promise<{ results: PagefindResult[] } | null>;
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
  const kicker = el('p', 'search-hit__kind', hit.kindLabel);
  if (hit.date) kicker.append(' · ', Object.assign(el('time', '', hit.date), { dateTime: hit.date }));
  const title = el('h2', 'search-hit__title');
  title.append(Object.assign(el('a', '', hit.title), { href: hit.url }));
  const excerpt = el('p', 'search-hit__excerpt');
  for (const part of hit.excerpt) excerpt.append(part.mark ? el('mark', '', part.text) : document.createTextNode(part.text));
  item.append(kicker, title, excerpt);
  return item;
}

async function showMore() {
  const batch = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
  shown += batch.length;
  list.append(...batch.flatMap(hitsOf).map(render));
  more.hidden = shown >= results.length;
}

async function search() {
  const term = input.value.trim();
  const kind = new FormData(form).get('kind');
  const url = new URL(location.href);
  url.searchParams.set('q', term);
  if (kind && kind !== 'all') url.searchParams.set('kind', String(kind));
  else url.searchParams.delete('kind');
  history.replaceState(null, '', term ? url : location.pathname);
  if (!term) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type a company, a topic or a phrase.';
    return;
  }
  status.textContent = 'Searching…';
  const found = await (await load()).debouncedSearch(term, kind && kind !== 'all' ? { filters: { kind: String(kind) } } : {}, 200);
  if (!found) return; // superseded by a newer keystroke
  results = found.results;
  shown = 0;
  list.replaceChildren();
  await showMore();
  const n = results.length;
  status.textContent = n === 0 ? `Nothing found for “${term}”.` : `${n} ${n === 1 ? 'page' : 'pages'} match “${term}”.`;
}

async function hideMissingKinds() {
  const kinds = (await (await load()).filters())['kind'] ?? {};
  for (const option of form.querySelectorAll<HTMLInputElement>('input[name="kind"]')) {
    if (option.value !== 'all' && !kinds[option.value]) option.closest('label')!.hidden = true;
  }
}

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
const wanted = form.querySelector<HTMLInputElement>(`input[name="kind"][value="${CSS.escape(params.get('kind') ?? 'all')}"]`);
if (wanted) wanted.checked = true;
form.addEventListener('submit', (event) => (event.preventDefault(), void search()));
form.addEventListener('input', () => void search());
more.addEventListener('click', () => void showMore());
input.addEventListener('focus', () => void load(), { once: true });
void hideMissingKinds();
void search();
