// The ingest command end to end, as a user runs it: a child process, real files, a loopback server.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readNewsStore } from '../../src/lib/news/store-fs.ts';
import { startFeedServer, type FeedServer } from '../lib/feeds/feed-server.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repoRoot, 'test/fixtures/feeds');
let server: FeedServer;
let dir: string;

beforeAll(async () => (server = await startFeedServer()));
afterAll(() => server.close());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'substation-ingest-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in a child process; asynchronously, so the loopback server in this process can answer. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/ingest.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, SUBSTATION_ROOT: repoRoot },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

function ingest(config: string, ...args: string[]) {
  writeFileSync(path.join(dir, 'sources.yaml'), config);
  return run(['--config', path.join(dir, 'sources.yaml'), '--store', path.join(dir, 'news'), ...args]);
}

/** Every file of the store with its bytes, inode and mtime, to prove a re-run changed nothing and rewrote nothing. */
function snapshot(): Record<string, { text: string; ino: number; mtimeNs: bigint }> {
  const news = path.join(dir, 'news');
  return Object.fromEntries(
    readdirSync(news)
      .sort()
      .map((name) => {
        const { ino, mtimeNs } = statSync(path.join(news, name), { bigint: true });
        return [name, { text: readFileSync(path.join(news, name), 'utf8'), ino: Number(ino), mtimeNs }];
      }),
  );
}

const stateFile = () => path.join(dir, 'news/.state.json');
const readState = () => JSON.parse(readFileSync(stateFile(), 'utf8'));
function writeState(sources: Record<string, object>) {
  mkdirSync(path.join(dir, 'news'), { recursive: true });
  writeFileSync(stateFile(), JSON.stringify({ version: 1, sources }));
}
const http = (sources: Record<string, string>) =>
  `sources:\n${Object.entries(sources)
    .map(([id, url]) => `  - id: ${id}\n    name: ${id}\n    url: ${url}\n`)
    .join('')}`;
const minutesFromNow = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** A loopback port with nothing listening: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as import('node:net').AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const files = (...names: string[]) =>
  `sources:\n${names.map((n) => `  - id: ${n.replace(/\W+/g, '-').toLowerCase()}\n    name: ${n}\n    url: ${path.join(fixtures, n)}\n    keep_all: true\n`).join('')}`;

describe('node scripts/ingest.ts', () => {
  it('ingests local feed files, prints a line per source and a summary, and exits 0', async () => {
    const { code, out } = await ingest(files('hostile.rss', 'base.atom', 'dates.rdf'));
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}✓ hostile-rss: 4 new, 4 on topic of 5 entries \(\d+ms\)$/m);
    expect(out).toMatch(/^✓ fetched 3 sources in \d+\.\ds: 3 ok, 0 failed, 0 skipped$/m);
    expect(out).toMatch(/^✓ stored 9 new items \(9 in the store, 0 multi-source stories\); wrote /m);
    expect(readNewsStore(path.join(dir, 'news'))).toHaveLength(9);
  });

  it('explains a config file it cannot read, without a stack trace', async () => {
    const missing = path.join(dir, 'nope.yaml');
    const { code, err } = await run(['--config', missing, '--store', path.join(dir, 'news')]);
    expect(code).toBe(2);
    expect(err).toContain(`${missing}: cannot read the sources file (no such file): pass a YAML file with --config`);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('refuses a corrupt store file with the file and the fix, and leaves it for the user to restore', async () => {
    mkdirSync(path.join(dir, 'news'));
    writeFileSync(path.join(dir, 'news', '2026-11.json'), '{"month":"2026-11","items":[{');
    const { code, err } = await ingest(files('base.atom'));
    expect(code).toBe(1);
    expect(err).toMatch(/2026-11\.json: invalid JSON: .*Restore it from git/);
    expect(err).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(dir, 'news', '2026-11.json'), 'utf8')).toBe('{"month":"2026-11","items":[{');
  });

  it('changes no byte when re-run with nothing new', async () => {
    const config = files('hostile.rss', 'base.atom');
    await ingest(config);
    const before = snapshot();
    const { code, out } = await ingest(config);
    expect(code).toBe(0);
    expect(out).toContain('no file changed');
    expect(snapshot()).toEqual(before);
  });

  it('uses conditional GET over http and keeps the state byte-identical', async () => {
    const config = `sources:\n  - id: loop\n    name: Loopback\n    url: ${server.url}/feed.xml\n`;
    expect((await ingest(config)).out).toMatch(/✓ loop: 1 new, 1 on topic of 1 entries/);
    const state = JSON.parse(readFileSync(path.join(dir, 'news/.state.json'), 'utf8'));
    expect(state.sources.loop).toEqual({ etag: '"v1"', lastModified: 'Tue, 10 Nov 2026 08:00:00 GMT', failures: 0 });
    const before = snapshot();
    expect((await ingest(config)).out).toMatch(/✓ loop: not modified/);
    expect(snapshot()).toEqual(before);
    // A relative item link resolves against the channel's <link>, as Miniflux does, then loses its utm_ tracking.
    expect(readNewsStore(path.join(dir, 'news'))[0]!.url).toBe('http://127.0.0.1/news/tsmc-2nm');
  });

  it('records failures with their reason and backs off; exits 1 when every source failed', async () => {
    const config = `sources:\n  - id: gone\n    name: Gone\n    url: ${server.url}/410\n  - id: page\n    name: Page\n    url: ${server.url}/page.html\n`;
    const first = await ingest(config);
    expect(first.code).toBe(1);
    expect(first.out).toContain(`✗ gone: [GET] "${server.url}/410": 410 Gone`);
    expect(first.out).toContain(`✗ page: not a feed: an HTML page; it points to the feed ${server.url}/atom.xml; set its url to ${server.url}/atom.xml`);
    // One failure is tolerated, so the next run tries again; the second starts a 30-minute rest.
    expect(first.err).toBe('✗ every source failed: see the reasons above; the next run retries them\n');
    const second = await ingest(config);
    const { retryAfter } = readState().sources.gone;
    expect(second.err).toBe(`✗ every source failed: see the reasons above; the next retry is due at ${retryAfter} (in 30 min)\n`);
    const third = await ingest(config);
    expect(third.out).toMatch(/– gone: skipped, resting until .* after 2 failures: \[GET\] ".*\/410": 410 Gone/);
  });

  it('exits 1 when every source is resting, naming the earliest retry; --retry-now fetches them anyway', async () => {
    const soon = minutesFromNow(90);
    writeState({ loop: { failures: 2, lastError: 'x', retryAfter: minutesFromNow(180) }, gone: { failures: 2, lastError: 'y', retryAfter: soon } });
    const config = http({ loop: `${server.url}/feed.xml`, gone: `${server.url}/410` });
    const hits = () => [server.hits.get('/feed.xml') ?? 0, server.hits.get('/410') ?? 0];
    const before = hits();
    const resting = await ingest(config);
    expect(resting.code).toBe(1);
    expect(resting.out).toMatch(/^ {2}– loop: skipped, resting until .* after 2 failures: x$/m);
    expect(resting.err).toBe(
      `✗ no source was fetched: every source is resting after failures; the next retry is due at ${soon} (in 90 min); run with --retry-now to try them now\n`,
    );
    expect(hits()).toEqual(before);

    const retried = await ingest(config, '--retry-now');
    expect(retried.code).toBe(0);
    expect(retried.out).toMatch(/✓ loop: 1 new/);
    expect(retried.out).toContain(`✗ gone: [GET] "${server.url}/410": 410 Gone`);
    expect(hits()).toEqual([before[0]! + 1, before[1]! + 1]);
    // The results then set the state as any run's would: success clears it, a third failure rests longer.
    expect(readState().sources.loop).toEqual({ etag: '"v1"', lastModified: 'Tue, 10 Nov 2026 08:00:00 GMT', failures: 0 });
    expect(readState().sources.gone).toMatchObject({ failures: 3, lastError: `[GET] "${server.url}/410": 410 Gone` });
  });

  it('says the machine looks offline when every source fails to connect, and changes nothing', async () => {
    expect((await ingest(http({ loop: `${server.url}/feed.xml` }))).code).toBe(0);
    const before = snapshot();
    // Nothing listens on the port, and .invalid never resolves (RFC 6761), network or not.
    const offline = http({ loop: `http://127.0.0.1:${await closedPort()}/feed.xml`, nowhere: 'http://feeds.substation.invalid/rss' });
    const down = await ingest(offline);
    expect(down.code).toBe(1);
    expect(down.out).toMatch(/^ {2}✗ loop: .*ECONNREFUSED/m);
    expect(down.out).toMatch(/^ {2}✗ nowhere: .*(ENOTFOUND|EAI_AGAIN)/m);
    expect(down.err).toBe('✗ every source failed to connect: this machine appears to be offline (no DNS or network); nothing was changed\n');
    expect(snapshot()).toEqual(before);
    // A source that answered with an error is no outage: that run counts the failures as usual.
    const mixed = await ingest(offline.replace('http://feeds.substation.invalid/rss', `${server.url}/410`));
    expect(mixed.err).toMatch(/^✗ every source failed: see the reasons above/);
    expect(readState().sources.loop).toMatchObject({ failures: 1, lastError: expect.stringContaining('ECONNREFUSED') });
  });

  it('rewrites no file, state included, when a second identical http run learns nothing new', async () => {
    // A conditional GET answered 304, a server that sends no validators (200 again), a resting source.
    writeState({ gone: { failures: 2, lastError: 'x', retryAfter: minutesFromNow(600) } });
    const config = http({ loop: `${server.url}/feed.xml`, plain: `${server.url}/chain/0`, gone: `${server.url}/410` });
    expect((await ingest(config)).code).toBe(0);
    const before = snapshot();
    const again = await ingest(config);
    expect(again.out).toMatch(/✓ loop: not modified/);
    expect(again.out).toMatch(/✓ plain: 0 new, 1 on topic of 1 entries/);
    expect(again.out).toMatch(/– gone: skipped/);
    expect(again.out).toContain('no file changed');
    expect(snapshot()).toEqual(before);
  });

  it('--help lists every option with its default, and the exit codes', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const option of ['--config FILE', '--source ID', '--since DATE', '--store DIR', '--dry-run', '--retry-now', '--json']) {
      expect(out).toMatch(new RegExp(`^ {2}${option} +\\S.*\\(default: [^)]+\\)$`, 'm'));
    }
    expect(out).toMatch(/^ {2}-h, --help +print this help/m);
    for (const exit of ['0', '1', '2']) expect(out).toMatch(new RegExp(`^ {2}${exit} {2}\\S`, 'm'));
  });

  it('exits 2 naming the file and the field of an invalid configuration', async () => {
    const { code, err } = await ingest('sources:\n  - id: x\n    name: X\n    url: ftp://x\n');
    expect(code).toBe(2);
    expect(err).toContain(`${path.join(dir, 'sources.yaml')}: sources[0].url: expected an http(s) URL or a file path, received "ftp://x"`);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when no source is enabled, rather than succeeding at nothing', async () => {
    const { code, err } = await ingest(`${files('dates.rdf')}    enabled: false\n`);
    expect(code).toBe(2);
    expect(err).toContain(`${path.join(dir, 'sources.yaml')}: every source has enabled: false: enable one, or name one with --source ID`);
  });

  it('refuses an unknown --source with a suggestion, and an unknown option', async () => {
    const config = files('dates.rdf');
    expect(await ingest(config, '--source', 'dates-rfd')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--source dates-rfd: no source has this id; did you mean "dates-rdf"?'),
    });
    expect((await ingest(config, '--frobnicate')).code).toBe(2);
  });

  it('--dry-run writes nothing; --json prints a machine-readable report; --since filters by date', async () => {
    const config = files('hostile.rss', 'dates.rdf');
    expect((await ingest(config, '--dry-run')).code).toBe(0);
    expect(existsSync(path.join(dir, 'news'))).toBe(false);
    const report = JSON.parse((await ingest(config, '--json', '--since', '2026-11-05')).out);
    expect(report.sources.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      ['hostile-rss', 'ok'],
      ['dates-rdf', 'ok'],
    ]);
    expect(readNewsStore(path.join(dir, 'news')).every((i) => i.published >= '2026-11-05')).toBe(true);
  });

  it('--reclassify brings the stored items to the current taxonomy; with --dry-run it only says what would change', async () => {
    // Stored under an older taxonomy: an export-control story filed under chips alone (export
    // controls now also count for security), and an item the taxonomy now finds off-topic.
    const recent = new Date(Date.now() - 86_400_000).toUTCString();
    writeFileSync(
      path.join(dir, 'feed.rss'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link><item><title>US export controls widen to cover HBM sold to Chinese GPU designers</title><link>https://wire.example/hbm</link><pubDate>${recent}</pubDate></item></channel></rss>`,
    );
    const config = `sources:\n  - id: wire\n    name: Wire\n    url: ${path.join(dir, 'feed.rss')}\n`;
    expect((await ingest(config)).code).toBe(0);
    const shard = readdirSync(path.join(dir, 'news')).find((name) => /^\d{4}-\d{2}\.json$/.test(name))!;
    const file = path.join(dir, 'news', shard);
    const store = JSON.parse(readFileSync(file, 'utf8')) as { items: Array<Record<string, unknown>> };
    expect(store.items.map((i) => i['topics'])).toEqual([['chips', 'security']]);
    store.items[0]!['topics'] = ['chips'];
    store.items.push({
      ...store.items[0]!,
      id: 'aaaaaaaaaaaaaaaa',
      clusterId: 'aaaaaaaaaaaaaaaa',
      url: 'https://wire.example/snack',
      title: 'Potato chips makers raise snack prices',
    });
    writeFileSync(file, `${JSON.stringify(store)}\n`);
    const before = snapshot();

    const dry = await ingest(config, '--reclassify', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('✓ reclassified 2 stored items with the current taxonomy: 1 changed, 1 now off-topic and removed');
    expect(snapshot()).toEqual(before);

    const { code, out } = await ingest(config, '--reclassify');
    expect(code).toBe(0);
    expect(out).toContain('1 changed, 1 now off-topic and removed');
    const items = readNewsStore(path.join(dir, 'news'));
    expect(items.map((i) => [i.title, i.topics])).toEqual([['US export controls widen to cover HBM sold to Chinese GPU designers', ['chips', 'security']]]);
    // Without the option the stored items stay as they are.
    expect((await ingest(config)).out).not.toContain('reclassified');
  });

  it('--json accounts for every entry of a source: kept, off topic, too old or unusable', async () => {
    // Without keep_all, entries that match no topic are dropped as off topic.
    const config = files('hostile.rss', 'dates.rdf', 'base.atom').replaceAll('    keep_all: true\n', '');
    const { code, out } = await ingest(config, '--json', '--since', '2026-11-05', '--dry-run');
    expect(code).toBe(0);
    const counts = JSON.parse(out).sources.map((s: Record<string, unknown>) => [s.id, s.entries, s.kept, s.offTopic, s.tooOld, s.skippedEntries]);
    expect(counts).toEqual([
      // "Future-dated item about chips": one weak hint from a source with no beat is not enough.
      ['hostile-rss', 5, 0, 1, 3, { 'no http(s) link': 1 }],
      ['dates-rdf', 2, 1, 1, 0, {}],
      ['base-atom', 3, 1, 1, 1, {}],
    ]);
  });

  it('refuses a second ingest while one holds the lock, and takes over a stale lock', async () => {
    const config = files('dates.rdf');
    mkdirSync(path.join(dir, 'news'));
    const lock = path.join(dir, 'news/.ingest.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-11-24T00:00:00.000Z' }));
    const refused = await ingest(config);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^✗ another ingest is running \(pid \d+ on .*\); wait for it to finish/);
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12_345, host: hostname(), started: '2026-11-24T00:00:00.000Z' }));
    expect((await ingest(config)).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('leaves a readable store when killed at any moment, and the next run loses and duplicates nothing', async () => {
    // Forty copies of the demo-sized fixtures make a run long enough to interrupt.
    const feeds = path.join(dir, 'feeds');
    mkdirSync(feeds);
    const names: string[] = [];
    for (let i = 0; i < 40; i++)
      for (const f of ['hostile.rss', 'base.atom', 'dates.rdf']) {
        const name = `${i}-${f}`;
        writeFileSync(path.join(feeds, name), readFileSync(path.join(fixtures, f), 'utf8').replaceAll('.example/', `.example/${i}/`));
        names.push(name);
      }
    const config = `sources:\n${names.map((n) => `  - { id: s-${n.replace(/\W+/g, '-').toLowerCase()}, name: S, url: feeds/${n}, keep_all: true }\n`).join('')}`;
    writeFileSync(path.join(dir, 'sources.yaml'), config);
    const args = [path.join(repoRoot, 'scripts/ingest.ts'), '--config', path.join(dir, 'sources.yaml'), '--store', path.join(dir, 'news')];
    // What an uninterrupted run stores, for comparison.
    expect((await run(['--config', path.join(dir, 'sources.yaml'), '--store', path.join(dir, 'clean')])).code).toBe(0);
    const clean = readNewsStore(path.join(dir, 'clean'))
      .map((i) => i.id)
      .sort();
    for (const delay of [150, 300, 450, 600]) {
      const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r)); // the run may finish before the kill
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      expect(() => readNewsStore(path.join(dir, 'news'))).not.toThrow();
    }
    expect((await run(args.slice(1))).code).toBe(0);
    const items = readNewsStore(path.join(dir, 'news'));
    expect(items.map((i) => i.id).sort()).toEqual(clean);
    expect(clean.length).toBeGreaterThan(300);
    expect(readdirSync(path.join(dir, 'news')).filter((n) => n.includes('.tmp-') || n === '.ingest.lock')).toEqual([]);
  }, 60_000);
});
