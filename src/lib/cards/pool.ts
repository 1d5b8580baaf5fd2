// A pool of card worker threads, one per core: each loads the card fonts once and renders cards
// with the same renderer as the main thread (renderer-fs.ts), so a card's PNG is byte for byte what
// a single thread would draw. Finished cards go into the file cache by content hash; the caller is
// told the key and reads the file (with no cache the PNG comes back in the message instead). The
// same workers rasterise the charts' PNG twins (chartTwinPng in src/lib/charts/png-fs.ts, as the
// main thread would) into the chart cache: one pool, so cards and twins never fight for the cores.
//
// Jobs go first in, first out to whichever worker is free, which holds one more in reserve behind
// the one it is drawing; a job asked for with `first` (someone is waiting on it now) goes to the
// front. A twin already in the chart cache is no job at all, and one asked for twice is one job. A
// job that fails rejects with its name and the worker carries on; a worker that dies rejects the
// job it was drawing, its reserve goes back to the queue, and when none is left every queued job is
// rejected as unavailable (CARD_POOL_UNAVAILABLE), so nothing waits forever. Workers keep the
// process alive only while jobs are queued or in flight: an idle pool never holds a process open,
// and close() ends every thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartTwinError, DEFAULT_CHART_CACHE } from '../charts/png-fs.ts';
import { CARD_POOL_UNAVAILABLE, type CardPool, type CardPoolStats, type ChartTwinStats, type PooledCard } from './active-pool.ts';
import { DEFAULT_CARD_CACHE, fileCardCache } from './cache-fs.ts';
import { writeDeliveries, type Delivery } from './deliveries-fs.ts';
import type { CardInput } from './template.ts';

export interface CardPoolOptions {
  /** Project root, for the font packages and the default cache; default the working directory. */
  root?: string;
  /** The cache folder the workers write, or false for none; default node_modules/.cache/substation-cards under root. */
  cache?: string | false;
  /** The chart-twin cache folder, or false for none; default node_modules/.cache/substation-charts under root, or none when `cache` is false. */
  chartCache?: string | false;
  /** Worker threads; default one per core (os.availableParallelism()). */
  size?: number;
  /** Each worker draws one throwaway card before taking jobs, so the first real card does not pay satori's start-up. Default true. */
  warmUp?: boolean;
  /** Told about characters no font has (once per card) and about workers that stop. */
  warn?: (message: string) => void;
  /** The worker script; tests substitute one. */
  workerUrl?: URL;
}

/** What the main thread sends a worker, and what a worker is started with. */
export type CardJobMessage =
  { type: 'card'; id: number; name: string; input: CardInput } | { type: 'chart'; id: number; name: string; key: string; svg: string };
export interface CardWorkerData {
  root: string;
  cacheDir: string | false;
  chartCacheDir: string | false;
  warmUp: boolean;
}
/** A failed job's message is the error's stack; `detail`, when a twin could not be rasterised, is chartTwinError's. */
export type CardWorkerMessage =
  | { type: 'ready' }
  | { type: 'warn'; message: string }
  | { type: 'done'; id: number; key: string; cached: boolean; ms: number; png?: Uint8Array }
  | { type: 'failed'; id: number; message: string; detail?: string };

interface Job {
  message: CardJobMessage;
  /** What its errors start with: `card essays/x`, or the chart's name. */
  label: string;
  resolve(card: PooledCard): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  alive: boolean;
  /** Jobs posted to it, in the order it takes them: it is drawing the first. */
  jobs: Job[];
  /** Why it stopped, from its error event. */
  reason: string | undefined;
  /** Settles when the worker is ready or has stopped. */
  started: Promise<void>;
}

/**
 * Jobs a worker holds: the one it draws and one in reserve. A worker hands its answer to the main
 * thread, which can post the next job only between its own tasks (a page render, a getStaticPaths).
 * Measured on 300 essays with a chart twin each of 397 distinct: with one job each, every worker sat
 * 2.7 s waiting for its next; with one in reserve (and the chart route letting answers in while it
 * prefetches), 0.35-0.5 s.
 */
const DEPTH = 2;

function unavailable(label: string, why: string): Error {
  return Object.assign(new Error(`${label}: ${why}`), { code: CARD_POOL_UNAVAILABLE });
}

export function createCardPool({
  root = process.cwd(),
  cache = join(root, DEFAULT_CARD_CACHE),
  chartCache = cache === false ? false : join(root, DEFAULT_CHART_CACHE),
  size = availableParallelism(),
  warmUp = true,
  warn = console.warn,
  workerUrl = new URL('./pool-worker.ts', import.meta.url),
}: CardPoolOptions = {}): CardPool {
  const cacheDir = cache === false ? undefined : cache;
  const reader = cacheDir ? fileCardCache(cacheDir) : undefined;
  const chartCacheDir = chartCache === false ? undefined : chartCache;
  const chartReader = chartCacheDir ? fileCardCache(chartCacheDir) : undefined;
  const charts: ChartTwinStats = { jobs: 0, rendered: 0, cached: 0, failed: 0, busyMs: 0 };
  const stats: CardPoolStats & { charts: ChartTwinStats } = { jobs: 0, rendered: 0, cached: 0, failed: 0, busyMs: 0, spanMs: 0, waitedMs: 0, charts };
  const statsOf = (job: Job) => (job.message.type === 'chart' ? charts : stats);
  const queue: Job[] = [];
  /** Twins queued or being drawn, by cache key: a second ask joins the first. */
  const twins = new Map<string, { job: Job; promise: Promise<PooledCard> }>();
  /** Files to write into the build's output, by path. */
  const deliveries = new Map<string, Delivery>();
  const slots: Slot[] = [];
  let nextId = 1;
  let firstAt: number | undefined;
  let closing: Promise<void> | undefined;
  /** Callers awaiting ready(): they too need the loop kept open. */
  let waiting = 0;

  // Threads hold the event loop open only while there is work, so a build that awaits a card cannot
  // exit under it, and an idle (or forgotten) pool cannot keep a process alive.
  const refs = () => {
    const busy = closing !== undefined || waiting > 0 || queue.length > 0 || slots.some((s) => s.jobs.length);
    for (const s of slots) {
      if (!s.alive) continue;
      if (busy) s.worker.ref();
      else s.worker.unref();
    }
  };

  const dispatch = () => {
    // Every free worker gets a job before any gets its second.
    for (let depth = 1; depth <= DEPTH; depth++)
      for (const s of slots) {
        if (!queue.length) break;
        if (!s.alive || !s.ready || s.jobs.length >= depth) continue;
        const job = queue.shift()!;
        s.jobs.push(job);
        s.worker.postMessage(job.message);
      }
    refs();
  };

  const start = (index: number) => {
    const data: CardWorkerData = { root, cacheDir: cacheDir ?? false, chartCacheDir: chartCacheDir ?? false, warmUp };
    // A small young generation: each card leaves a 3 MB pixmap in resvg's native memory that is
    // freed only when its JS wrapper is collected, and a worker's heap is too quiet to collect often.
    // Measured, one worker drawing 400 cards: +320 MB of RSS by default, +145-185 MB at 1-8 MB, no
    // more CPU per card (17-20 ms either way).
    const worker = new Worker(workerUrl, { workerData: data, name: `card worker ${index + 1}`, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    let started!: () => void;
    const s: Slot = { worker, ready: false, alive: true, jobs: [], reason: undefined, started: new Promise<void>((resolve) => (started = resolve)) };
    worker.on('message', (m: CardWorkerMessage) => {
      if (m.type === 'ready') {
        s.ready = true;
        started();
        dispatch();
      } else if (m.type === 'warn') warn(m.message);
      else {
        const at = s.jobs.findIndex((j) => j.message.id === m.id);
        if (at < 0) return;
        const [job] = s.jobs.splice(at, 1) as [Job];
        const counts = statsOf(job);
        if (m.type === 'done') {
          counts.busyMs += m.ms;
          if (m.cached) counts.cached++;
          else counts.rendered++;
          job.resolve({ key: m.key, cached: m.cached, png: m.png ? Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength) : undefined });
        } else {
          counts.failed++;
          // A twin fails with the very error the main thread would give (named, with resvg's words).
          job.reject(m.detail !== undefined ? chartTwinError(job.label, m.detail) : new Error(`${job.label}: ${m.message}`));
        }
        if (firstAt !== undefined) stats.spanMs = performance.now() - firstAt;
        dispatch();
      }
    });
    worker.on('error', (error) => {
      s.reason = error.message;
    });
    worker.on('exit', (code) => {
      s.alive = false;
      started();
      const why = closing ? 'the card pool was closed' : `the card worker stopped (${s.reason ?? `exit code ${code}`})`;
      if (!closing) warn(`card pool: worker ${index + 1} stopped: ${s.reason ?? `exit code ${code}`}`);
      const [job, ...unstarted] = s.jobs.splice(0);
      if (job) {
        statsOf(job).failed++;
        // A job whose worker died under it may be what killed it: it fails under its own name.
        job.reject(closing ? unavailable(job.label, why) : new Error(`${job.label}: ${why}`));
      }
      // The one it held in reserve goes back to the front of the queue, for another worker.
      if (closing) for (const other of unstarted) other.reject(unavailable(other.label, why));
      else queue.unshift(...unstarted);
      if (!slots.some((other) => other.alive)) {
        for (const job of queue.splice(0)) job.reject(unavailable(job.label, `no card worker is running (${why})`));
      }
      dispatch();
    });
    return s;
  };

  /** Queues a job; `job` is undefined when the pool cannot take it (the promise is already rejected). */
  function enqueue(message: CardJobMessage, label: string, first: boolean): { job?: Job; promise: Promise<PooledCard> } {
    if (closing) return { promise: Promise.reject(unavailable(label, 'the card pool was closed')) };
    if (!slots.some((s) => s.alive)) return { promise: Promise.reject(unavailable(label, 'no card worker is running')) };
    firstAt ??= performance.now();
    let job!: Job;
    const promise = new Promise<PooledCard>((resolve, reject) => (job = { message, label, resolve, reject }));
    statsOf(job).jobs++;
    if (first) queue.unshift(job);
    else queue.push(job);
    dispatch();
    return { job, promise };
  }

  for (let i = 0; i < Math.max(1, size); i++) slots.push(start(i));
  refs();

  return {
    size: slots.length,
    get running() {
      return slots.filter((s) => s.alive).length;
    },
    cacheDir,
    chartCacheDir,
    stats,
    render: (input, name, { first = false } = {}) => enqueue({ type: 'card', id: nextId++, name, input }, `card ${name}`, first).promise,
    chart({ name, key, svg }, { first = false } = {}) {
      const pending = twins.get(key);
      if (pending) {
        const at = queue.indexOf(pending.job);
        if (first && at > 0) queue.unshift(...queue.splice(at, 1));
        return pending.promise;
      }
      if (chartCacheDir && existsSync(join(chartCacheDir, `${key}.png`))) return Promise.resolve({ key, cached: true, png: undefined });
      const { job, promise } = enqueue({ type: 'chart', id: nextId++, name, key, svg }, name, first);
      if (!job) return promise;
      twins.set(key, { job, promise });
      const forget = () => void twins.delete(key);
      promise.then(forget, forget);
      return promise;
    },
    readChart: (key) => chartReader?.get(key),
    deliver(path, kind, job, fallback) {
      job.catch(() => {}); // reported by writeDelivered
      deliveries.set(path, { path, kind, job, fallback });
    },
    async writeDelivered(dir) {
      const pending = [...deliveries.values()];
      deliveries.clear();
      return writeDeliveries(dir, pending, (kind, card) => card.png ?? join((kind === 'card' ? cacheDir : chartCacheDir)!, `${card.key}.png`));
    },
    async ready() {
      waiting++;
      refs();
      try {
        await Promise.all(slots.map((s) => s.started));
      } finally {
        waiting--;
        refs();
      }
    },
    read: (key) => reader?.get(key),
    close() {
      closing ??= (async () => {
        for (const job of queue.splice(0)) job.reject(unavailable(job.label, 'the card pool was closed'));
        // Referenced again while they stop, or nothing would keep the loop alive to see them exit.
        const live = slots.filter((s) => s.alive);
        for (const s of live) s.worker.ref();
        await Promise.all(live.map((s) => s.worker.terminate()));
      })();
      return closing;
    },
  };
}
