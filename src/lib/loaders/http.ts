// How connectors fetch: ingest's fetch client (timeouts, size caps, redirects, Retry-After,
// conditional GET), one client per User-Agent (EDGAR requires one naming a person and an email),
// a pause between requests to a host that asks for one (EDGAR's 10 per second), and a response
// cache so that a 304 Not Modified still gives the connector the body it answered for.
import { createFetcher, type Fetcher, type FetcherOptions } from '../feeds/fetch-client.ts';

export interface CachedResponse {
  etag?: string | undefined;
  lastModified?: string | undefined;
  body: Uint8Array;
}

/** Where validators and bodies are kept between runs (node_modules/.cache/substation-data by default). */
export interface ResponseCache {
  get(url: string): CachedResponse | undefined;
  set(url: string, response: CachedResponse): void;
}

export interface GetOptions {
  /** The User-Agent for this request; default the fetch client's. */
  userAgent?: string;
  /** Least time between the starts of two requests to this URL's host, in ms. */
  minIntervalMs?: number;
}

export interface Response {
  url: string;
  body: Uint8Array;
  /** True when the server answered 304 and the body is the cached one. */
  notModified: boolean;
  text(): string;
}

export interface HttpOptions {
  /** Passed to every fetch client (fetch, clock, sleep, timeouts, size cap, Retry-After limit). */
  fetcher?: FetcherOptions;
  cache?: ResponseCache | undefined;
  /** How to wait between requests; default a setTimeout promise (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type Http = (url: string, options?: GetOptions) => Promise<Response>;

export function createHttp(options: HttpOptions = {}): Http {
  const { cache, sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)), now = () => Date.now() } = options;
  const fetchers = new Map<string, Fetcher>();
  const nextStart = new Map<string, number>();
  const fetcherFor = (userAgent: string | undefined) => {
    const key = userAgent ?? '';
    let fetcher = fetchers.get(key);
    if (!fetcher) fetchers.set(key, (fetcher = createFetcher({ ...options.fetcher, ...(userAgent ? { userAgent } : {}) })));
    return fetcher;
  };

  /** Waits until the host's next slot, and books the one after: callers in parallel queue up. */
  async function pace(url: string, interval: number): Promise<void> {
    const host = new URL(url).host;
    const at = Math.max(now(), nextStart.get(host) ?? 0);
    nextStart.set(host, at + interval);
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  }

  return async (url, { userAgent, minIntervalMs } = {}) => {
    if (minIntervalMs) await pace(url, minIntervalMs);
    const cached = cache?.get(url);
    const result = await fetcherFor(userAgent).fetchFeed(url, cached ? { etag: cached.etag, lastModified: cached.lastModified } : {});
    let body: Uint8Array;
    if (result.status === 'not-modified') {
      body = cached!.body;
    } else {
      body = result.body;
      if (result.etag || result.lastModified) cache?.set(url, { etag: result.etag, lastModified: result.lastModified, body });
    }
    const decoded = () => new TextDecoder('utf-8').decode(body);
    return { url: result.url, body, notModified: result.status === 'not-modified', text: decoded };
  };
}
