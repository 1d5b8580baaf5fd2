// A pool of card worker threads, one per core: each loads the card fonts once and renders cards
// with the same renderer as the main thread (renderer-fs.ts), so a card's PNG is byte for byte what
// a single thread would draw. Finished cards go into the file cache by content hash; the caller is
// told the key and reads the file (with no cache the PNG comes back in the message instead).
//
// Jobs go first in, first out to whichever worker is free, one at a time each; a card asked for
// with `first` (someone is waiting on it now) goes to the front. A card that fails rejects with its
// name and the worker carries on; a worker that dies rejects its own card, and when none is left
// every queued card is rejected as unavailable (CARD_POOL_UNAVAILABLE), so nothing waits forever. Workers keep the process alive only while cards are queued or in flight: an idle
// pool never holds a process open, and close() ends every thread.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CARD_POOL_UNAVAILABLE, type CardPool, type CardPoolStats, type PooledCard } from './active-pool.ts';
import { DEFAULT_CARD_CACHE, fileCardCache } from './cache-fs.ts';
import type { CardInput } from './template.ts';

export interface CardPoolOptions {
  /** Project root, for the font packages and the default cache; default the working directory. */
  root?: string;
  /** The cache folder the workers write, or false for none; default node_modules/.cache/substation-cards under root. */
  cache?: string | false;
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
export interface CardJobMessage {
  id: number;
  name: string;
  input: CardInput;
}
export interface CardWorkerData {
  root: string;
  cacheDir: string | false;
  warmUp: boolean;
}
export type CardWorkerMessage =
  | { type: 'ready' }
  | { type: 'warn'; message: string }
  | { type: 'done'; id: number; key: string; cached: boolean; ms: number; png?: Uint8Array }
  | { type: 'failed'; id: number; message: string };

interface Job {
  id: number;
  name: string;
  input: CardInput;
  resolve(card: PooledCard): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  alive: boolean;
  job: Job | undefined;
  /** Why it stopped, from its error event. */
  reason: string | undefined;
  /** Settles when the worker is ready or has stopped. */
  started: Promise<void>;
}

function unavailable(name: string, why: string): Error {
  return Object.assign(new Error(`card ${name}: ${why}`), { code: CARD_POOL_UNAVAILABLE });
}

export function createCardPool({
  root = process.cwd(),
  cache = join(root, DEFAULT_CARD_CACHE),
  size = availableParallelism(),
  warmUp = true,
  warn = console.warn,
  workerUrl = new URL('./pool-worker.ts', import.meta.url),
}: CardPoolOptions = {}): CardPool {
  const cacheDir = cache === false ? undefined : cache;
  const reader = cacheDir ? fileCardCache(cacheDir) : undefined;
  const stats: CardPoolStats = { jobs: 0, rendered: 0, cached: 0, failed: 0, busyMs: 0, spanMs: 0, waitedMs: 0 };
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let firstAt: number | undefined;
  let closing: Promise<void> | undefined;
  /** Callers awaiting ready(): they too need the loop kept open. */
  let waiting = 0;

  // Threads hold the event loop open only while there is work, so a build that awaits a card cannot
  // exit under it, and an idle (or forgotten) pool cannot keep a process alive.
  const refs = () => {
    const busy = closing !== undefined || waiting > 0 || queue.length > 0 || slots.some((s) => s.job);
    for (const s of slots) {
      if (!s.alive) continue;
      if (busy) s.worker.ref();
      else s.worker.unref();
    }
  };

  const dispatch = () => {
    for (const s of slots) {
      if (!queue.length) break;
      if (!s.alive || !s.ready || s.job) continue;
      const job = queue.shift()!;
      s.job = job;
      const message: CardJobMessage = { id: job.id, name: job.name, input: job.input };
      s.worker.postMessage(message);
    }
    refs();
  };

  const finish = (s: Slot) => {
    s.job = undefined;
    if (firstAt !== undefined) stats.spanMs = performance.now() - firstAt;
    dispatch();
  };

  const start = (index: number) => {
    const data: CardWorkerData = { root, cacheDir: cacheDir ?? false, warmUp };
    // A small young generation: each card leaves a 3 MB pixmap in resvg's native memory that is
    // freed only when its JS wrapper is collected, and a worker's heap is too quiet to collect often.
    // Measured, one worker drawing 400 cards: +320 MB of RSS by default, +145-185 MB at 1-8 MB, no
    // more CPU per card (17-20 ms either way).
    const worker = new Worker(workerUrl, { workerData: data, name: `card worker ${index + 1}`, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    let started!: () => void;
    const s: Slot = { worker, ready: false, alive: true, job: undefined, reason: undefined, started: new Promise<void>((resolve) => (started = resolve)) };
    worker.on('message', (m: CardWorkerMessage) => {
      if (m.type === 'ready') {
        s.ready = true;
        started();
        dispatch();
      } else if (m.type === 'warn') warn(m.message);
      else if (s.job && s.job.id === m.id) {
        const job = s.job;
        if (m.type === 'done') {
          stats.busyMs += m.ms;
          if (m.cached) stats.cached++;
          else stats.rendered++;
          job.resolve({ key: m.key, cached: m.cached, png: m.png ? Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength) : undefined });
        } else {
          stats.failed++;
          job.reject(new Error(`card ${job.name}: ${m.message}`));
        }
        finish(s);
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
      if (s.job) {
        const job = s.job;
        s.job = undefined;
        stats.failed++;
        // A card whose worker died under it may be what killed it: it fails under its own name.
        job.reject(closing ? unavailable(job.name, why) : new Error(`card ${job.name}: ${why}`));
      }
      if (!slots.some((other) => other.alive)) {
        for (const job of queue.splice(0)) job.reject(unavailable(job.name, `no card worker is running (${why})`));
      }
      dispatch();
    });
    return s;
  };

  for (let i = 0; i < Math.max(1, size); i++) slots.push(start(i));
  refs();

  return {
    size: slots.length,
    get running() {
      return slots.filter((s) => s.alive).length;
    },
    cacheDir,
    stats,
    render(input, name, { first = false } = {}) {
      return new Promise<PooledCard>((resolve, reject) => {
        if (closing) return reject(unavailable(name, 'the card pool was closed'));
        if (!slots.some((s) => s.alive)) return reject(unavailable(name, 'no card worker is running'));
        firstAt ??= performance.now();
        stats.jobs++;
        const job: Job = { id: nextId++, name, input, resolve, reject };
        if (first) queue.unshift(job);
        else queue.push(job);
        dispatch();
      });
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
        for (const job of queue.splice(0)) job.reject(unavailable(job.name, 'the card pool was closed'));
        // Referenced again while they stop, or nothing would keep the loop alive to see them exit.
        const live = slots.filter((s) => s.alive);
        for (const s of live) s.worker.ref();
        await Promise.all(live.map((s) => s.worker.terminate()));
      })();
      return closing;
    },
  };
}
