// Runs a build as a measured process tree for `npm run bench:build`: wall time, and peak memory two
// ways. Under /usr/bin/time -f %M the kernel reports the largest max RSS of any one process in the
// tree (exact, but one process: a child such as pagefind is not added to node's); a sampler reads
// /proc every 100 ms and keeps the peak of the tree's summed RSS (every descendant together, but a
// spike shorter than the interval can be missed, so the tree's figure is never less than %M: the
// tree at its peak holds at least the largest process at its own).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const TIME = '/usr/bin/time';
const PAGE_KB = 4; // Linux page size on x86-64 and most arm64 kernels; /proc/<pid>/stat counts pages.

export interface Measured {
  /** Exit code, or null when killed by a signal (then `signal` says which). */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time, ms. */
  ms: number;
  /** /usr/bin/time %M: the largest single process's max RSS, KB; undefined without /usr/bin/time. */
  maxRssKb: number | undefined;
  /** The peak of the whole tree's summed RSS, KB: sampled every 100 ms, and at least `maxRssKb`. */
  treePeakKb: number;
  /** At the sampled peak, the RSS (KB) by process name (node, pagefind…): what makes up the tree's figure. */
  treePeakBy: Record<string, number>;
  /** stdout and stderr interleaved as they arrived, ANSI codes removed. */
  output: string;
}

/**
 * A process's name for the peak's breakdown: its comm (pagefind, time), except for Node, whose main
 * thread calls itself "MainThread": then "node" and the script it runs (node astro.mjs).
 */
function processName(pid: string, comm: string): string {
  if (comm !== 'MainThread' && comm !== 'node') return comm;
  try {
    const [, script] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return script && !script.startsWith('-') ? `node ${basename(script)}` : 'node';
  } catch {
    return 'node';
  }
}

/** Every process's comm, parent and RSS (KB), from /proc/<pid>/stat. */
function processTable(): Map<number, { comm: string; ppid: number; rssKb: number }> {
  const table = new Map<number, { comm: string; ppid: number; rssKb: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // "pid (comm) state ppid … rss …": comm may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ppid: Number(fields[1]), rssKb: Number(fields[21]) * PAGE_KB });
  }
  return table;
}

/** The processes of `root`'s tree now (itself and every descendant), with their comm and RSS (KB). */
export function treeProcesses(root: number): Array<{ pid: number; comm: string; rssKb: number }> {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: Array<{ pid: number; comm: string; rssKb: number }> = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    const entry = table.get(pid);
    if (entry) tree.push({ pid, comm: entry.comm, rssKb: entry.rssKb });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** RSS (KB) by process name; names are read (processName) only here, for a new peak's processes. */
function byName(tree: ReadonlyArray<{ pid: number; comm: string; rssKb: number }>): Record<string, number> {
  const by: Record<string, number> = {};
  for (const { pid, comm, rssKb } of tree) {
    const name = processName(String(pid), comm);
    by[name] = (by[name] ?? 0) + rssKb;
  }
  return by;
}

/** Runs `command args` in `cwd` with `env`, measuring it; `log` receives every chunk of output. */
export function measure(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeFile: string; log?: (chunk: string) => void },
): Promise<Measured> {
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-f', '%M', '-o', options.timeFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  const take = (data: Buffer) => {
    const text = data.toString('utf8');
    chunks.push(text);
    options.log?.(text);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  let treePeakKb = 0;
  let treePeakBy: Record<string, number> = {};
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = treeProcesses(child.pid);
    const kb = tree.reduce((sum, p) => sum + p.rssKb, 0);
    if (kb > treePeakKb) [treePeakKb, treePeakBy] = [kb, byName(tree)];
  };
  const timer = setInterval(sample, 100);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      let maxRssKb: number | undefined;
      if (useTime && existsSync(options.timeFile)) {
        // time writes "Command exited with non-zero status N" before the figure when the build fails.
        const last = readFileSync(options.timeFile, 'utf8').trim().split('\n').pop() ?? '';
        maxRssKb = /^\d+$/.test(last) ? Number(last) : undefined;
        rmSync(options.timeFile, { force: true });
      }
      resolve({
        code: code ?? null,
        signal,
        ms,
        maxRssKb,
        treePeakKb: Math.max(treePeakKb, maxRssKb ?? 0),
        treePeakBy,
        output: stripVTControlCharacters(chunks.join('')),
      });
    });
  });
}

export interface RouteTiming {
  /** The output file, as Astro prints it: /essays/x/index.html. */
  file: string;
  ms: number;
}

/**
 * The per-route render times in `astro build` output. Astro 7 prints each generated page as
 * `HH:MM:SS   ├─ /essays/x/index.html (+12ms)` (`(+1.25s)`, `(+1m 5s)` when slow), and a page
 * served from its incremental cache as `… (cached)` or `(restored)`, which has no time.
 */
export function routeTimings(output: string): RouteTiming[] {
  const timings: RouteTiming[] = [];
  for (const m of output.matchAll(/[├└]─ (\S+) \(\+(?:(\d+)m (\d+)s|([\d.]+)(ms|s))\)/g)) {
    const ms = m[2] !== undefined ? (Number(m[2]) * 60 + Number(m[3])) * 1000 : Number(m[4]) * (m[5] === 's' ? 1000 : 1);
    timings.push({ file: m[1]!, ms });
  }
  return timings;
}
