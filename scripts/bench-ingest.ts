// `npm run bench:ingest`: 200 sources of 50 items each, served from loopback by a child process,
// ingested into a temporary store. Prints wall time, items per second and peak RSS.
// Target on a 2-core machine: at most 3 s wall and 250 MB peak RSS. A benchmark, not a test.
// About half the peak RSS is fixed: Node's TypeScript stripping and the imports take ~110 MB before
// the run starts, and V8 grows its young generation to 64 MB or more under this allocation rate;
// `--max-semi-space-size=16` caps that at little cost in time (see the figures in the closing note).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { runIngest } from '../src/lib/news/ingest-fs.ts';

const SOURCES = 200;
const ITEMS = 50;
const HOSTS = 50; // servers on distinct ports, so the per-host limit applies as it would on the web
const root = fileURLToPath(new URL('..', import.meta.url));

const SUBJECTS = [
  'Nvidia',
  'TSMC',
  'SK hynix',
  'Micron',
  'Broadcom',
  'Arista',
  'Equinix',
  'CoreWeave',
  'Vistra',
  'Oklo',
  'Seagate',
  'CrowdStrike',
  'A startup',
  'The utility',
  'Regulators',
];
const VERBS = ['unveils', 'ships', 'delays', 'expands', 'doubles', 'signs deal for', 'raises forecast on', 'invests $4 billion in', 'cuts prices of', 'tests'];
const OBJECTS = [
  'HBM4 memory stacks',
  '2nm wafers',
  'co-packaged optics',
  'a 1 GW data center campus',
  'small modular reactors',
  'liquid cooling for AI racks',
  '800G transceivers',
  'nearline hard drives',
  'confidential computing',
  'a new chip fab',
  'grid connections in Texas',
  'its GPU cloud',
  'Ethernet switches for AI clusters',
  'enterprise SSDs',
  'gas turbines',
];

/** A deterministic feed: RSS 2.0 with HTML descriptions, as publishers send them. */
function feed(source: number): string {
  let seed = source + 1;
  const pick = <T>(list: T[]) => list[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % list.length]!;
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const title = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} (${source}-${i})`;
    const date = new Date(Date.UTC(2026, 10, 1) + (source * ITEMS + i) * 60_000).toUTCString();
    const summary = `<p>${title}. Analysts said the move reflects demand from hyperscalers &amp; AI labs; <a href="https://x.example/${i}">read more</a>.</p><p>${'Context on supply, prices and capacity. '.repeat(6)}</p>`;
    return `<item><title>${title}</title><link>https://source${source}.example/news/${i}?utm_source=rss</link><guid>s${source}-${i}</guid><pubDate>${date}</pubDate><description><![CDATA[${summary}]]></description></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source ${source}</title><link>https://source${source}.example/</link>${items.join('')}</channel></rss>`;
}

const COMMAND = {
  name: 'bench:ingest',
  usage: 'npm run bench:ingest',
  summary: `Ingests ${SOURCES} sources of ${ITEMS} items each, served over loopback from ${HOSTS} ports by a child process, into a temporary store, and prints wall time, items per second, CPU time and peak RSS. Target on 2 cores: at most 3 s wall and 250 MB.`,
  options: {
    serve: { type: 'boolean', describe: "only serve the feeds and print the ports: the benchmark's own child process" },
  },
  examples: ['npm run bench:ingest'],
} as const satisfies CommandSpec;

if (readCommandLine(COMMAND).values.serve) {
  // Child: serve every feed gzip-compressed from HOSTS loopback servers, then print their ports.
  const bodies = Array.from({ length: SOURCES }, (_, s) => gzipSync(feed(s)));
  const ports = await Promise.all(
    Array.from({ length: HOSTS }, () => {
      const server = createServer((req, res) => {
        const s = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1]);
        if (!bodies[s]) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'gzip' }).end(bodies[s]);
      });
      return new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    }),
  );
  process.stdout.write(`${JSON.stringify(ports)}\n`);
} else {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ports = await new Promise<number[]>((resolve) => child.stdout.once('data', (chunk) => resolve(JSON.parse(String(chunk)))));
  const dir = mkdtempSync(path.join(tmpdir(), 'substation-bench-'));
  try {
    const sources = Array.from(
      { length: SOURCES },
      (_, s) => `  - { id: source-${s}, name: Source ${s}, url: "http://127.0.0.1:${ports[s % HOSTS]}/feed/${s}" }`,
    );
    writeFileSync(path.join(dir, 'sources.yaml'), `defaults:\n  retention_days: 3650\nsources:\n${sources.join('\n')}\n`);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const report = await runIngest({
      root,
      configFile: path.join(dir, 'sources.yaml'),
      taxonomyFile: path.join(root, 'content/taxonomy.yaml'),
      storeDir: path.join(dir, 'news'),
    });
    const wall = (performance.now() - started) / 1000;
    const entries = report.sources.reduce((n, s) => n + s.entries, 0);
    const failed = report.sources.filter((s) => s.status !== 'ok').length;
    const cpu = process.cpuUsage(cpuBefore);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    console.log(`bench:ingest  ${SOURCES} sources × ${ITEMS} items over loopback (${HOSTS} hosts), ${failed} failed`);
    console.log(`  wall time   ${wall.toFixed(2)} s   (target ≤ 3 s; fetch+parse ${(report.fetchMs / 1000).toFixed(2)} s)`);
    console.log(`  throughput  ${Math.round(entries / wall)} items/s   (${entries} entries, ${report.added} stored, ${report.clusters} multi-source stories)`);
    console.log(`  CPU time    ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s   (a steadier figure than wall time on a shared machine)`);
    console.log(`  peak RSS    ${rssMb.toFixed(0)} MB   (target ≤ 250 MB; node flags: ${process.execArgv.join(' ') || 'none'})`);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
