// A real HTTP server on 127.0.0.1 for the fetch tests: every way a feed host misbehaves, one route each.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

export const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback Wire</title><link>http://127.0.0.1/</link>
<item><title>TSMC raises 2nm wafer output</title><link>/news/tsmc-2nm?utm_source=rss</link><pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate></item>
</channel></rss>
`;
const HTML = '<!doctype html><html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Hi</body></html>';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Tue, 10 Nov 2026 08:00:00 GMT';

export interface FeedServer {
  url: string;
  /** Requests seen per path, for asserting retries and conditional GETs. */
  hits: Map<string, number>;
  /** Highest number of requests in flight at once on /slow-ok. */
  peak: () => number;
  close: () => Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  let inFlight = 0;
  let peak = 0;
  const sockets = new Set<import('node:net').Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const send = (status: number, body: string | Buffer, headers: Record<string, string | number> = {}) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    const redirect = (status: number, location: string) => send(status, '', { location });
    const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };

    if (path === '/feed.xml') {
      if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) return send(304, '');
      return send(200, FEED, { ...xml, etag: ETAG, 'last-modified': LAST_MODIFIED });
    }
    if (path === '/echo-ua') return send(200, String(req.headers['user-agent']), { 'content-type': 'text/plain' });
    if (path === '/gzip.xml') return send(200, gzipSync(FEED), { ...xml, 'content-encoding': 'gzip' });
    if (path === '/deflate.xml') return send(200, deflateSync(FEED), { ...xml, 'content-encoding': 'deflate' });
    if (path === '/br.xml') return send(200, brotliCompressSync(FEED), { ...xml, 'content-encoding': 'br' });
    if (path === '/r1') return redirect(301, '/r2');
    if (path === '/r2') return redirect(302, `${address()}/feed.xml`);
    if (path === '/loop-a') return redirect(302, '/loop-b');
    if (path === '/loop-b') return redirect(302, '/loop-a');
    if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7));
      return n > 0 ? redirect(302, `/chain/${n - 1}`) : send(200, FEED, xml);
    }
    if (path === '/js-redirect') return redirect(302, 'javascript:alert(1)');
    if (path === '/404') return send(404, 'missing');
    if (path === '/410') return send(410, 'gone');
    if (path === '/500') return send(500, 'boom');
    if (path === '/429-once') return count === 1 ? send(429, '', { 'retry-after': '1' }) : send(200, FEED, xml);
    if (path === '/429-long') return send(429, '', { 'retry-after': '3600' });
    if (path === '/503-date') return send(503, '', { 'retry-after': 'Wed, 25 Nov 2026 12:00:00 GMT' });
    if (path === '/slow') return void setTimeout(() => send(200, FEED, xml), 2_000);
    if (path === '/slow-ok') {
      inFlight++;
      peak = Math.max(peak, inFlight);
      return void setTimeout(() => {
        inFlight--;
        send(200, FEED, xml);
      }, 60);
    }
    if (path === '/endless') {
      res.writeHead(200, xml);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return pump();
    }
    if (path === '/bomb') return send(200, gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)), { ...xml, 'content-encoding': 'gzip' });
    if (path === '/wrong-type') return send(200, FEED, { 'content-type': 'application/octet-stream' });
    if (path === '/page.html') return send(200, HTML, { 'content-type': 'text/html; charset=utf-8' });
    if (path === '/cp1251.xml') {
      const body = Buffer.from([
        ...Buffer.from('<rss version="2.0"><channel><title>'),
        0xcf,
        0xf0,
        0xe8,
        0xe2,
        0xe5,
        0xf2,
        ...Buffer.from('</title></channel></rss>'),
      ]);
      return send(200, body, { 'content-type': 'text/xml; charset=windows-1251' });
    }
    send(404, 'no route');
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: address(),
    hits,
    peak: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
