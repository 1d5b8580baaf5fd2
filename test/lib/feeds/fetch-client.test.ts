import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { FetchError } from '../../../src/lib/feeds/errors.ts';
import { createFetcher, DEFAULT_USER_AGENT, type FetchResult } from '../../../src/lib/feeds/fetch-client.ts';
import { parseFeed } from '../../../src/lib/feeds/parse.ts';
import { FEED, startFeedServer, type FeedServer } from './feed-server.ts';

let server: FeedServer;
beforeAll(async () => (server = await startFeedServer()));
afterAll(() => server.close());

const sleeps: number[] = [];
// A generous timeout, so a loaded machine never turns a size-cap test into a timeout; the timeout
// test sets its own.
const fetcher = (timeoutMs = 15_000) =>
  createFetcher({ timeoutMs, maxBytes: 1024 * 1024, sleep: async (ms) => void sleeps.push(ms), now: () => new Date('2026-11-24T12:00:00Z') });
const get = (path: string, validators = {}, timeoutMs?: number) => fetcher(timeoutMs).fetchFeed(`${server.url}${path}`, validators);
const text = (result: FetchResult) => (result.status === 'ok' ? new TextDecoder().decode(result.body) : '');
const failure = (path: string, timeoutMs?: number): Promise<FetchError> =>
  get(path, {}, timeoutMs).then(
    () => expect.unreachable(`${path} should fail`),
    (e: unknown) => e as FetchError,
  );

describe('createFetcher', () => {
  it('fetches a feed and keeps its validators', async () => {
    const result = await get('/feed.xml');
    expect(result).toMatchObject({
      status: 'ok',
      etag: '"v1"',
      lastModified: 'Tue, 10 Nov 2026 08:00:00 GMT',
      contentType: 'application/rss+xml; charset=utf-8',
    });
    expect(text(result)).toBe(FEED);
  });

  it('sends a User-Agent that names Substation and its site', async () => {
    expect(text(await get('/echo-ua'))).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^Substation\/[\d.]+ \(\+https:\/\//);
  });

  it('makes conditional GETs with the saved ETag or Last-Modified', async () => {
    expect(await get('/feed.xml', { etag: '"v1"' })).toEqual({ status: 'not-modified', url: `${server.url}/feed.xml` });
    expect((await get('/feed.xml', { lastModified: 'Tue, 10 Nov 2026 08:00:00 GMT' })).status).toBe('not-modified');
    expect((await get('/feed.xml', { etag: '"old"' })).status).toBe('ok');
  });

  it.each(['/gzip.xml', '/deflate.xml', '/br.xml'])('decompresses %s', async (path) => {
    expect(text(await get(path))).toBe(FEED);
  });

  it('follows a 301/302 chain and reports the final URL', async () => {
    const result = await get('/r1');
    expect(result).toMatchObject({ status: 'ok', url: `${server.url}/feed.xml` });
  });

  it('follows at most 5 redirects', async () => {
    expect((await get('/chain/5')).status).toBe('ok');
    expect((await failure('/chain/6')).message).toBe(`[GET] "${server.url}/chain/6": more than 5 redirects`);
  });

  it('detects redirect loops', async () => {
    expect((await failure('/loop-a')).message).toBe(`[GET] "${server.url}/loop-a": redirect loop at ${server.url}/loop-a`);
  });

  it('refuses a redirect to a non-http(s) URL', async () => {
    expect((await failure('/js-redirect')).message).toBe(`[GET] "${server.url}/js-redirect": redirect to a javascript: URL refused`);
  });

  it.each([
    ['/404', 404, '404 Not Found'],
    ['/410', 410, '410 Gone'],
    ['/500', 500, '500 Internal Server Error'],
  ])('reports %s as a FetchError', async (path, status, reason) => {
    const error = await failure(path);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ status, message: `[GET] "${server.url}${path}": ${reason}` });
  });

  it('waits out a short Retry-After on 429 and tries once more', async () => {
    sleeps.length = 0;
    expect((await get('/429-once')).status).toBe('ok');
    expect(sleeps).toEqual([1000]);
    expect(server.hits.get('/429-once')).toBe(2);
  });

  it('hands a long Retry-After back to the caller, in seconds or as a date', async () => {
    expect(await failure('/429-long')).toMatchObject({ status: 429, retryAfterMs: 3_600_000 });
    expect(await failure('/503-date')).toMatchObject({ status: 503, retryAfterMs: 86_400_000 });
  });

  it('times out a slow response', async () => {
    const started = performance.now();
    const error = await failure('/slow', 500);
    expect(error.message).toBe(`[GET] "${server.url}/slow": timed out after 500ms`);
    expect(error.cause).toBeDefined();
    // /slow answers after 2 s: failing before that means the timeout, not the server, ended it.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops reading an endless body at the size cap', async () => {
    expect((await failure('/endless')).message).toBe(`[GET] "${server.url}/endless": body is larger than the 1048576-byte limit (stopped reading)`);
  });

  it('stops inflating a gzip bomb at the size cap', async () => {
    expect((await failure('/bomb')).message).toMatch(/body is larger than the 1048576-byte limit/);
  });

  it('reports a refused connection as a network error', async () => {
    const error = await createFetcher({ timeoutMs: 500 })
      .fetchFeed('http://127.0.0.1:9/feed.xml')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(/^\[GET\] "http:\/\/127\.0\.0\.1:9\/feed\.xml": network error: /);
  });

  it('reads a feed served with the wrong Content-Type', async () => {
    const result = await get('/wrong-type');
    if (result.status !== 'ok') throw new Error('expected a body');
    expect((await parseFeed(decodeFeed(result.body, { contentType: result.contentType }).text)).entries).toHaveLength(1);
  });

  it('reports an HTML page as "not a feed" with its advertised feed', async () => {
    const result = await get('/page.html');
    if (result.status !== 'ok') throw new Error('expected a body');
    await expect(parseFeed(decodeFeed(result.body).text, { url: result.url })).rejects.toMatchObject({
      kind: 'not-a-feed',
      alternate: `${server.url}/atom.xml`,
    });
  });

  it('decodes with the charset from the Content-Type header', async () => {
    const result = await get('/cp1251.xml');
    if (result.status !== 'ok') throw new Error('expected a body');
    expect((await parseFeed(decodeFeed(result.body, { contentType: result.contentType }).text)).title).toBe('Привет');
  });

  it('keeps at most 2 requests in flight per host', async () => {
    const client = createFetcher({ perHost: 2, concurrency: 8 });
    await Promise.all(Array.from({ length: 6 }, () => client.fetchFeed(`${server.url}/slow-ok`)));
    expect(server.peak()).toBe(2);
  });
});
