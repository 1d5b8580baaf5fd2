// `astro dev` shows every content mistake in the browser: the page answers HTTP 500 with the same
// line `npm run check` prints and a frame of the author's file, never the last good version; once
// the file is fixed the page comes back, with no restart. A real dev server on 127.0.0.1, on a
// scratch copy of the project.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISTAKES, makeMistake, type Mistake } from '../helpers/mistakes.ts';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { repoRoot } from '../helpers/site.ts';

let project: ScratchProject;
let dev: ChildProcess;
let base: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(path, base), { headers: { accept: 'text/html' } });
  return { status: response.status, text: await response.text() };
}

/** Polls until the page answers `status` (the content layer reloads a fixed file on its own time). */
async function until(path: string, status: number, timeoutMs: number): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + timeoutMs;
  let last = { status: 0, text: '' };
  while (Date.now() < deadline) {
    try {
      last = await get(path);
      if (last.status === status) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${path} answered ${last.status}, not ${status}, within ${timeoutMs} ms.\nDev server log:\n${log.slice(-3000)}`);
}

/** Polls the dev server's log until it matches `pattern`. */
async function untilLogged(pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Astro colours its log when CI is set (picocolors), so the pattern is matched on the plain text.
  while (!pattern.test(stripVTControlCharacters(log))) {
    if (Date.now() > deadline) throw new Error(`the dev server never logged ${pattern} within ${timeoutMs} ms.\nDev server log:\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The environment an author's shell has: vitest's NODE_ENV=test and VITEST* variables left out. */
function devEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_NOW: '2026-11-24T12:00:00Z' };
}

const text = (html: string) => decodeHTML(html.replace(/<[^>]+>/g, ''));

/** The dev server's first answers, started on content with two mistakes in it, then after the fix. */
let startedBroken: { status: number; text: string };
let startedFixed: { status: number; text: string };
let newsFixed: { status: number; text: string };
const DATE_MISTAKE = MISTAKES.find((m) => m.name === 'the date 2026-13-45')!;
/** What the server starts on: a mistake in an essay, in the taxonomy and in the news store. */
const STARTUP_MISTAKES: Mistake[] = [
  DATE_MISTAKE,
  {
    name: 'an unpaired quote in a taxonomy phrase',
    file: 'content/taxonomy.yaml',
    edit: (t) => t.replace('      - solar "powered"\n', '      - solar "powered\n'),
    expected: [],
    page: '/',
  },
  {
    name: 'a hostile link in the news store',
    file: 'content/news/2026-11.json',
    edit: (t) => t.replace('"url":"https://', '"url":"javascript:alert(1)//'),
    expected: [],
    page: '/news/',
  },
];

beforeAll(async () => {
  project = scratchProject(repoRoot, 'substation-dev-');
  // Astro's content layer alone stops `astro dev` at startup on an entry that fails its schema; the
  // server must start and show these instead (src/site/dev-loader.ts).
  const restores = STARTUP_MISTAKES.map((mistake) => makeMistake(project.root, mistake));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project.root,
    env: devEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (d) => (log += d));
  dev.stderr!.on('data', (d) => (log += d));
  startedBroken = await until('/', 500, 90_000);
  // The files are fixed only once the first sync has ended: the loaders watch them from then on.
  await untilLogged(/\[content\] Synced content/, 90_000);
  for (const restore of restores) restore();
  startedFixed = await until(DATE_MISTAKE.page, 200, 60_000);
  newsFixed = await until('/news/', 200, 60_000);
  await until('/', 200, 60_000);
}, 240_000);

afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  project?.remove();
});

describe('the dev server started on content with mistakes', () => {
  it('starts, shows each mistake (an essay, the taxonomy, the news store) with file, line and fix, and serves the pages once they are fixed', () => {
    const shown = text(startedBroken.text);
    expect(shown).toContain('3 problems in the content');
    expect(shown).toContain('content/news/2026-11.json: items[0].url: expected an absolute http(s) URL; ingest writes this file');
    expect(shown).toContain(DATE_MISTAKE.expected[0]);
    expect(shown).toMatch(/content\/taxonomy\.yaml:\d+: topics\[\d+\]\.exclude\[\d+\]: 'solar "powered' has an unpaired double quote/);
    // The terminal says which entry was left out of the store, and why, while it was invalid.
    expect(stripVTControlCharacters(log)).toMatch(/topics → energy: left out until it is valid \(.*exclude\.25.*unpaired double quote/);
    // The fixed essay is parsed again, not served as it was written while broken.
    expect(startedFixed.text).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}"/);
    expect(/<h1[^>]*>([^<]+)<\/h1>/.exec(startedFixed.text)?.[1]).toBeTruthy();
    // The store, unreadable when the server started, is read again once fixed: its stories are on the wire.
    expect(newsFixed.text).toContain('FERC sets rules for co-locating data centers at power plants');
  });
});

describe('the dev server on a content mistake', () => {
  for (const mistake of MISTAKES) {
    it(`shows ${mistake.name} in the page with file, line and fix, then recovers`, async () => {
      const good = await until(mistake.page, 200, 60_000);
      const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(good.text)?.[1];
      expect(title).toBeTruthy();
      const restore = makeMistake(project.root, mistake);
      try {
        const broken = await get(mistake.page);
        expect(broken.status).toBe(500);
        const shown = text(broken.text);
        expect(shown).toContain('1 problem in the content');
        for (const part of mistake.expected) expect(shown).toContain(part);
        // The frame is the author's file, never the tool's.
        if (/:\d+(:\d+)?: /.test(mistake.expected[0]!)) expect(shown).toMatch(/> +\d+ \| /);
        expect(shown).not.toMatch(/src\/lib\/|node_modules/);
        // Every page says so, not only the one edited: nothing stale is served.
        expect((await get('/')).status).toBe(500);
      } finally {
        restore();
      }
      const recovered = await until(mistake.page, 200, 60_000);
      expect(/<h1[^>]*>([^<]+)<\/h1>/.exec(recovered.text)?.[1]).toBe(title);
    }, 120_000);
  }

  it('keeps assets and the status endpoint working while the content is broken', async () => {
    const restore = makeMistake(project.root, MISTAKES[0]!);
    try {
      const status = await fetch(new URL('/__substation/content-status', base)).then((r) => r.json() as Promise<{ ok: boolean; problems: string[] }>);
      expect(status.ok).toBe(false);
      expect(status.problems[0]).toContain(MISTAKES[0]!.expected[0]);
      expect((await fetch(new URL('/favicon.svg', base))).status).not.toBe(500);
    } finally {
      restore();
    }
    const status = await fetch(new URL('/__substation/content-status', base)).then((r) => r.json() as Promise<{ ok: boolean }>);
    expect(status.ok).toBe(true);
  }, 60_000);
});
