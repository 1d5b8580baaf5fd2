// npm run bench:build -- [N] [--keep]: the production build at scale (issue 13). A scratch copy of
// the project with N essays (default 1,000) cycled from the samples, and a bare Astro + MDX site
// over the same prose with the embeds stripped (scripts/bench/bare-site.ts), each with its own
// node_modules caches. Builds the bare site and Substation cold (no caches), then Substation warm
// (caches and dist kept, one word of one essay changed, as an author fixing a typo), and prints
// wall time, peak RSS, pages, the ratios against the issue's targets, every feed's size and the
// five slowest routes of each build. The real project's caches and dist are never touched.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { writeBareSite } from './bench/bare-site.ts';
import { writeEssayCopies } from './bench/essay-copies.ts';
import { measure, routeTimings, type Measured } from './bench/measure.ts';
import { copyProject, linkNodeModules } from './bench/scratch-copy.ts';

const COMMAND = {
  name: 'bench:build',
  usage: 'npm run bench:build -- [N] [--keep]',
  summary:
    'Builds a scratch copy with N essays cold and warm (one word changed), and a bare Astro + MDX site over the same prose cold, and prints wall time, peak RSS, feed sizes and the slowest routes against the targets of issue 13.',
  positional: { name: 'N', describe: 'how many essays, cycled from content/essays', integer: { min: 1 }, defaultText: '1000' },
  options: {
    keep: { type: 'boolean', describe: 'keep the scratch folders (both sites, their dists and build logs) and print where' },
  },
  examples: ['npm run bench:build', 'npm run bench:build -- 100 --keep'],
  sections: [
    {
      title: 'targets (issue 13)',
      lines: ['cold build ≤ 3× the bare site', 'warm build ≤ 1.3× the bare site cold', 'peak RSS ≤ 1.5× the bare site', 'every feed (*.xml, feed.json) ≤ 1 MB'],
    },
    {
      title: 'exit codes',
      lines: [
        '0  every build succeeded (targets met or not: see the table)',
        '1  a build failed: its error and route are printed',
        '2  a mistake on the command line',
      ],
    },
  ],
} as const satisfies CommandSpec;

const TARGETS = { cold: 3, warm: 1.3, rss: 1.5, feedBytes: 1024 * 1024 };
const NOW = '2026-11-24T12:00:00Z';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = readCommandLine(COMMAND);
const count = Number(positionals[0] ?? 1000);

// ---------------------------------------------------------------------------------------------
// Formatting: plain text only (no colour), so the output reads the same in a terminal, a log or CI.

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (kb: number | undefined) =>
  kb === undefined ? 'n/a' : kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GB` : `${Math.round(kb / 1024)} MB`;
const bytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);
const ratio = (r: number) => `${r.toFixed(2)}×`;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
};
const say = (line = '') => process.stdout.write(`${line}\n`);

/** Every file under `dir`, as paths relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

// ---------------------------------------------------------------------------------------------
// The typo: one word of the first essay's first paragraph loses a letter for the cold builds, and
// gets it back before the warm one.

interface Typo {
  file: string;
  /** Where the word starts in the file. */
  at: number;
  word: string;
  typo: string;
}

function makeTypo(essaysDir: string, file: string): Typo {
  const path = join(essaysDir, file);
  const text = readFileSync(path, 'utf8');
  const bodyStart = text.indexOf('\n---', 3) + 4;
  const paragraph = /^[A-Z][^\n]*$/m.exec(text.slice(bodyStart));
  const word = paragraph && /\b[a-z]{7,}\b/.exec(paragraph[0]);
  if (!paragraph || !word) throw new Error(`bench:build: no word to change in ${file}`);
  const at = bodyStart + paragraph.index + word.index;
  const typo = word[0].slice(0, -2) + word[0].slice(-1);
  writeFileSync(path, text.slice(0, at) + typo + text.slice(at + word[0].length));
  return { file, at, word: word[0], typo };
}

function fixTypo(essaysDir: string, { file, at, word, typo }: Typo): void {
  const path = join(essaysDir, file);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.slice(0, at) + word + text.slice(at + typo.length));
}

// ---------------------------------------------------------------------------------------------
// One build.

interface Build {
  label: string;
  result: Measured;
  pages: number;
  ok: boolean;
}

// Each site's own build command: the bare site's is `astro build`; Substation's is `npm run build`
// (scripts/build.ts), which runs astro build and then the search index in a process of its own.
const buildCommand = (project: string, bare: boolean) =>
  bare ? [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'] : [join(project, 'scripts/build.ts')];

async function build(label: string, project: string, logs: string, bare = false): Promise<Build> {
  process.stdout.write(`${label}: building… `);
  const result = await measure(process.execPath, buildCommand(project, bare), {
    cwd: project,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_NOW: NOW },
    timeFile: join(logs, 'time.txt'),
  });
  const log = join(logs, `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.log`);
  writeFileSync(log, result.output);
  const ok = result.code === 0 && result.signal === null;
  const dist = join(project, 'dist');
  const pages = ok && existsSync(dist) ? walk(dist).filter((f) => f.endsWith('.html')).length : 0;
  say(ok ? `${seconds(result.ms)}` : `FAILED after ${seconds(result.ms)}`);
  return { label, result, pages, ok };
}

/** What a failed build said: the route it was rendering, and the first lines of the error. */
function failure(b: Build, log: string): string[] {
  const { output, code, signal } = b.result;
  const lines = output.split('\n');
  const routes = [...output.matchAll(/[├└]─ (\S+)( \((?:\+[^)]*|cached|restored)\))?/g)];
  const open = routes.findLast((m) => m[2] === undefined);
  const first = lines.findIndex((l) => /\[ERROR\]|\bError\b|FATAL|error:|heap out of memory/i.test(l));
  const excerpt = first >= 0 ? lines.slice(first, first + 25) : lines.slice(-25);
  return [
    `${b.label} failed: ${signal ? `killed by ${signal}` : `exit code ${code}`} after ${seconds(b.result.ms)}, peak RSS ${megabytes(b.result.maxRssKb)} (largest process), ${megabytes(b.result.treePeakKb)} (tree)`,
    open ? `the route being rendered: ${open[1]}` : `no route was being rendered (${routes.length} routes had finished)`,
    `the full log: ${log}`,
    'the error:',
    ...excerpt.map((l) => `  ${l}`),
  ];
}

// ---------------------------------------------------------------------------------------------

const scratch = mkdtempSync(join(tmpdir(), 'substation-bench-build-'));
const substation = join(scratch, 'substation');
const bare = join(scratch, 'bare');
const logs = join(scratch, 'logs');
const cleanUp = () => {
  if (!values.keep) rmSync(scratch, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

let exitCode = 0;
try {
  mkdirSync(logs, { recursive: true });
  copyProject(root, substation);
  const essays = join(substation, 'content/essays');
  const files = writeEssayCopies(root, substation, count);
  const typo = makeTypo(essays, files[0]!);
  mkdirSync(bare);
  writeBareSite(bare, essays);
  linkNodeModules(root, bare);
  const drafts = files.filter((f) => /^draft: true$/m.test(readFileSync(join(essays, f), 'utf8'))).length;
  const astroVersion = (JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;

  say(`bench:build, ${count} essays cycled from content/essays (${count - drafts} published, ${drafts} drafts left out by both sites)`);
  say(
    `Node ${process.version}, Astro ${astroVersion}, ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start`,
  );
  say(`scratch: ${scratch}${values.keep ? ' (kept: --keep)' : ' (removed at the end; --keep keeps it)'}`);
  say();

  const builds: Build[] = [];
  builds.push(await build('bare Astro + MDX, cold', bare, logs, true));
  builds.push(await build('Substation, cold', substation, logs));
  let warmNote = '';
  if (builds[1]!.ok) {
    fixTypo(essays, typo);
    warmNote = `warm: caches and dist kept, "${typo.typo}" corrected to "${typo.word}" in content/essays/${typo.file}`;
    builds.push(await build('Substation, warm', substation, logs));
  }
  say(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end (other work on the machine slows the builds alike, not the ratios alone)`,
  );
  say();

  const failed = builds.filter((b) => !b.ok);
  for (const b of failed) {
    const log = join(tmpdir(), `bench-build-${b.label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.log`);
    writeFileSync(log, b.result.output);
    for (const line of failure(b, log)) say(line);
    say();
    exitCode = 1;
  }

  say(
    table([
      ['build', 'wall', 'peak RSS, largest process', 'peak RSS, process tree', 'HTML pages'],
      ...builds.map((b) => [
        b.label,
        b.ok ? seconds(b.result.ms) : 'failed',
        megabytes(b.result.maxRssKb),
        megabytes(b.result.treePeakKb),
        b.ok ? String(b.pages) : '-',
      ]),
    ]),
  );
  say("peak RSS, largest process: /usr/bin/time -f %M, the kernel's max RSS of the biggest single process in the build's tree");
  say(
    'peak RSS, process tree: the summed RSS of every process in the tree, sampled from /proc every 100 ms, and never less than the largest process (the ratios below use this)',
  );
  for (const b of builds) {
    const parts = Object.entries(b.result.treePeakBy)
      .filter(([, kb]) => kb >= 10 * 1024)
      .sort((x, y) => y[1] - x[1])
      .map(([name, kb]) => `${name} ${megabytes(kb)}`);
    if (parts.length) say(`  at the tree's peak, ${b.label}: ${parts.join(' + ')}`);
  }
  if (warmNote) say(warmNote);
  say();

  const [bareCold, cold, warm] = builds;
  const feeds: Array<{ file: string; size: number }> = [];
  if (cold?.ok) {
    const dist = join(substation, 'dist');
    for (const file of walk(dist).sort())
      if (file.endsWith('.xml') || file.endsWith('feed.json')) feeds.push({ file: `/${file}`, size: statSync(join(dist, file)).size });
  }
  if (bareCold?.ok) {
    const rows = [['target (issue 13)', 'measured', 'target', '']];
    const verdict = (value: number, limit: number) => (value <= limit ? 'met' : 'missed');
    if (cold?.ok) {
      const r = cold.result.ms / bareCold.result.ms;
      rows.push(['cold build, Substation / bare', ratio(r), `≤ ${TARGETS.cold}×`, verdict(r, TARGETS.cold)]);
    }
    if (warm?.ok) {
      const r = warm.result.ms / bareCold.result.ms;
      rows.push(['warm build, Substation warm / bare cold', ratio(r), `≤ ${TARGETS.warm}×`, verdict(r, TARGETS.warm)]);
    }
    if (cold?.ok) {
      const r = cold.result.treePeakKb / bareCold.result.treePeakKb;
      rows.push(['peak RSS (tree), Substation cold / bare', ratio(r), `≤ ${TARGETS.rss}×`, verdict(r, TARGETS.rss)]);
      if (cold.result.maxRssKb && bareCold.result.maxRssKb) {
        const l = cold.result.maxRssKb / bareCold.result.maxRssKb;
        rows.push(['  the same, largest process (time %M)', ratio(l), `≤ ${TARGETS.rss}×`, verdict(l, TARGETS.rss)]);
      }
      if (warm?.ok) {
        const w = warm.result.treePeakKb / bareCold.result.treePeakKb;
        rows.push(['peak RSS (tree), Substation warm / bare', ratio(w), `≤ ${TARGETS.rss}×`, verdict(w, TARGETS.rss)]);
      }
      const largest = feeds.reduce((a, b) => (b.size > a.size ? b : a), { file: '(none)', size: 0 });
      rows.push([`largest feed (${largest.file}), of ${feeds.length}`, bytes(largest.size), '≤ 1 MB', verdict(largest.size, TARGETS.feedBytes)]);
    }
    say(table(rows));
    say();
  }

  if (feeds.length) {
    say('feeds in the Substation dist (every *.xml and feed.json), cold build:');
    say(table([['file', 'bytes', '', ''], ...feeds.map((f) => [`  ${f.file}`, String(f.size), bytes(f.size), f.size > TARGETS.feedBytes ? 'over 1 MB' : ''])]));
    say();
  }

  for (const b of builds) {
    const timings = routeTimings(b.result.output).sort((x, y) => y.ms - x.ms);
    if (!timings.length) continue;
    const total = timings.reduce((sum, t) => sum + t.ms, 0);
    say(`five slowest routes, ${b.label} (of ${timings.length} timed; their render times sum to ${seconds(total)}):`);
    say(table(timings.slice(0, 5).map((t) => [`  ${t.file}`, t.ms >= 1000 ? `${(t.ms / 1000).toFixed(2)} s` : `${Math.round(t.ms)} ms`])));
    say();
  }
  if (values.keep) say(`kept: ${substation} (dist/), ${bare} (dist/), build logs in ${logs}`);
} finally {
  cleanUp();
}
process.exitCode = exitCode;
