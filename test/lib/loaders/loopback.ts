// A data host on 127.0.0.1 for the loader tests: each path answers with a fixture, an ETag that
// makes the next request a 304, and on demand a 429 with Retry-After first, a 500, or a new body
// (a revision). Every request is recorded with its time, query and headers.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash } from 'node:crypto';

export interface Route {
  /** The body, or a function of the query that makes it (a paged API). */
  body: string | Buffer | ((query: URLSearchParams) => string);
  type?: string;
  status?: number;
  /** Answer the first N requests with 429 and this Retry-After (seconds). */
  throttle?: { times: number; retryAfter: string };
  /** No ETag or Last-Modified: every request gets the body. */
  noValidators?: boolean;
}

export interface Hit {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  at: number;
  status: number;
}

export interface Loopback {
  url: string;
  routes: Map<string, Route>;
  hits: Hit[];
  /** The requests to one path. */
  hitsOf(path: string): Hit[];
  close(): Promise<void>;
}

const etagOf = (body: string | Buffer) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;

export async function startLoopback(routes: Record<string, Route> = {}): Promise<Loopback> {
  const table = new Map(Object.entries(routes));
  const hits: Hit[] = [];
  const served = new WeakMap<Route, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const route = table.get(path);
    const record = (status: number) => hits.push({ path, query: url.searchParams, headers: req.headers, at: performance.now(), status });
    if (!route) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Counted per route object: setting a route anew starts its count again.
    const n = (served.get(route) ?? 0) + 1;
    served.set(route, n);
    if (route.throttle && n <= route.throttle.times) {
      record(429);
      res.writeHead(429, { 'retry-after': route.throttle.retryAfter, 'content-type': 'text/plain' }).end('slow down');
      return;
    }
    const status = route.status ?? 200;
    const body = typeof route.body === 'function' ? route.body(url.searchParams) : route.body;
    const etag = etagOf(body);
    if (status === 200 && !route.noValidators && req.headers['if-none-match'] === etag) {
      record(304);
      res.writeHead(304, { etag }).end();
      return;
    }
    record(status);
    res.writeHead(status, { 'content-type': route.type ?? 'text/csv; charset=utf-8', ...(route.noValidators || status !== 200 ? {} : { etag }) }).end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: table,
    hits,
    hitsOf: (path) => hits.filter((h) => h.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
