// Our own feed fetcher on the platform fetch (undici), because rss-parser's has no compression, no
// charset handling, no conditional GET and no size cap. Dependencies (fetch, clock, sleep) are
// injected, so tests run against a real server on 127.0.0.1 rather than mocks.
import { FetchError } from './errors.ts';
import { createLimiter } from './limiter.ts';
import { parseRetryAfter } from './retry-after.ts';

export interface FetcherOptions {
  /** The fetch implementation. Default: globalThis.fetch. */
  fetch?: typeof fetch;
  /** The clock. Default: () => new Date(). */
  now?: () => Date;
  /** How to wait. Default: a setTimeout promise. */
  sleep?: (ms: number) => Promise<void>;
  /** User-Agent naming Substation and its site. */
  userAgent?: string;
  /** Whole-request timeout in ms (headers and body). Default 15000. */
  timeoutMs?: number;
  /** Largest body in bytes after decompression, enforced while streaming. Default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Requests in flight at once to one host. Default 2. */
  perHost?: number;
  /** A 429/503 asking to wait at most this long is retried once within the run; longer waits end the attempt. Default 5000. */
  maxRetryWaitMs?: number;
}

export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export type FetchResult =
  | { status: 'ok'; url: string; body: Uint8Array; contentType: string | undefined; etag: string | undefined; lastModified: string | undefined }
  | { status: 'not-modified'; url: string };

export const DEFAULT_USER_AGENT = 'Substation/0.1 (+https://substation.example/about/; feed ingest)';
const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

// System error codes of a request that reached no server: no DNS, no route, nothing listening, the
// connection cut or timed out before any answer. Our own whole-request timeout is not among them: it
// cannot tell a host that is unreachable from one that is slow to answer.
const UNREACHED = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether an error under undici's "fetch failed" is one of those, looking through causes and AggregateError (one error per address tried). */
function isUnreached(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  if (UNREACHED.has(String((error as NodeJS.ErrnoException).code))) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isUnreached(e, depth + 1))) return true;
  return isUnreached(error.cause, depth + 1);
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  // Content-Length is the compressed size: only a plain body can be refused before reading.
  if (!response.headers.get('content-encoding') && declared > maxBytes) {
    await response.body?.cancel();
    throw new FetchError(url, `body of ${declared} bytes is larger than the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(url, `body is larger than the ${maxBytes}-byte limit (stopped reading)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export function createFetcher(options: FetcherOptions = {}) {
  const {
    fetch: doFetch = globalThis.fetch,
    now = () => new Date(),
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    userAgent = DEFAULT_USER_AGENT,
    timeoutMs = 15_000,
    maxBytes = 10 * 1024 * 1024,
    maxRedirects = 5,
    concurrency = 8,
    perHost = 2,
    maxRetryWaitMs = 5_000,
  } = options;
  const limiter = createLimiter(concurrency, perHost);

  /** One request chain (redirects included) under one timeout. */
  async function attempt(start: string, validators: Validators): Promise<FetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const seen = new Set<string>();
    let url = start;
    // Whether the current hop got an answer: a reset while reading a body is not a network outage.
    // The catch below reads it when the request itself throws, before any answer: ESLint cannot see
    // that path through the await, TypeScript can.
    // eslint-disable-next-line no-useless-assignment
    let answered = false;
    try {
      for (let hop = 0; ; hop++) {
        seen.add(url);
        const headers: Record<string, string> = { 'user-agent': userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
        if (validators.etag) headers['if-none-match'] = validators.etag;
        if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
        const response = await doFetch(url, { headers, redirect: 'manual', signal: controller.signal });
        answered = true;
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          await response.body?.cancel();
          const location = response.headers.get('location');
          if (!location) throw new FetchError(url, `${response.status} redirect without a Location header`, { status: response.status });
          const next = new URL(location, url);
          if (next.protocol !== 'http:' && next.protocol !== 'https:')
            throw new FetchError(url, `redirect to a ${next.protocol} URL refused`, { status: response.status });
          if (seen.has(next.href)) throw new FetchError(start, `redirect loop at ${next.href}`, { status: response.status });
          if (hop >= maxRedirects) throw new FetchError(start, `more than ${maxRedirects} redirects`, { status: response.status });
          url = next.href;
          answered = false; // the next hop has not been answered yet
          continue;
        }
        if (response.status === 304) return { status: 'not-modified', url };
        if (!response.ok) {
          await response.body?.cancel();
          const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), now()) : undefined;
          throw new FetchError(url, `${response.status} ${response.statusText || 'error'}`.trim(), { status: response.status, retryAfterMs });
        }
        const body = await readCapped(response, url, maxBytes);
        const header = (name: string) => response.headers.get(name) ?? undefined;
        return { status: 'ok', url, body, contentType: header('content-type'), etag: header('etag'), lastModified: header('last-modified') };
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (controller.signal.aborted) throw new FetchError(url, `timed out after ${timeoutMs}ms`, { cause: error });
      const cause = (error as Error & { cause?: Error }).cause;
      throw new FetchError(url, `network error: ${cause?.message ?? (error as Error).message}`, { cause: error, network: !answered && isUnreached(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Fetches a feed with conditional GET; throws FetchError. A short Retry-After is honoured once. */
  async function fetchFeed(url: string, validators: Validators = {}): Promise<FetchResult> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch (cause) {
      throw new FetchError(url, 'not a valid URL', { cause });
    }
    // The slot covers the whole chain, body included; a Retry-After wait happens outside it.
    const limited = () => limiter.run(host, () => attempt(url, validators));
    try {
      return await limited();
    } catch (error) {
      const wait = error instanceof FetchError ? error.retryAfterMs : undefined;
      if (wait === undefined || wait > maxRetryWaitMs) throw error;
      await sleep(wait);
      return limited();
    }
  }

  return { fetchFeed };
}

export type Fetcher = ReturnType<typeof createFetcher>;
