// How the card and chart-twin endpoints find the build's card worker pool. The pool is started by
// an integration (src/integrations/card-pool.ts), which Astro loads with the config; the endpoints
// run in the prerender bundle, a separate copy of every module, in the same process. So the one
// place both can see is globalThis, under a registered symbol. No pool there (astro dev, tests,
// scripts): the endpoints render cards and chart twins themselves, as they always have.
//
// Only types and the registry live here, so the prerender bundle does not pull in worker_threads.
import type { CardInput } from './template.ts';

/** The code of errors meaning "the pool could not take this card" (closed, or no worker running): render it in the caller instead. */
export const CARD_POOL_UNAVAILABLE = 'CARD_POOL_UNAVAILABLE';

export interface PooledCard {
  /** The cache key (hash.ts): with a file cache, read the PNG from it with CardPool.read. */
  key: string;
  /** True when the worker found the card in the cache. */
  cached: boolean;
  /** The PNG itself, only from a pool without a file cache (tests); otherwise read it from the cache. */
  png: Buffer | undefined;
}

export interface CardPoolStats {
  /** Cards asked for. */
  jobs: number;
  /** Cards drawn by satori and resvg. */
  rendered: number;
  /** Cards found in the cache by a worker. */
  cached: number;
  failed: number;
  /** Worker time spent on cards, summed over the workers (ms). */
  busyMs: number;
  /** From the first card asked for to the last one done (ms). */
  spanMs: number;
  /** Time the card endpoints spent waiting on the pool, summed (ms); kept by src/site/cards.ts. */
  waitedMs: number;
}

/** What the pool writes into a build's output itself (./deliveries-fs.ts). */
export type DeliveryKind = 'card' | 'chart';

export interface Delivered {
  /** Files written, by kind. */
  cards: number;
  charts: number;
  /** How long the build waited, after its pages, for jobs still queued or drawing (ms). */
  waitedMs: number;
}

/** A chart's PNG twin for a worker to draw (src/lib/charts/png-fs.ts: chartTwin gives key and svg). */
export interface ChartTwinJob {
  /** The chart, for errors: e.g. `chart "capex" in content/essays/x.mdx`. */
  name: string;
  key: string;
  /** The standalone SVG. */
  svg: string;
}

export interface ChartTwinStats {
  /** Twins handed to a worker; one already in the cache is not a job. */
  jobs: number;
  /** Twins rasterised by resvg in a worker. */
  rendered: number;
  /** Twins a worker found in the cache (another thread drew it after the job was queued). */
  cached: number;
  failed: number;
  /** Worker time spent on twins, summed over the workers (ms). */
  busyMs: number;
}

export interface CardPool {
  /** Worker threads started. */
  readonly size: number;
  /** Worker threads still running: size until one stops or the pool closes, then 0 after close(). */
  readonly running: number;
  /** The file cache the workers write, or undefined when they send the PNGs back instead. */
  readonly cacheDir: string | undefined;
  /** The chart-twin cache the workers write, or undefined when they send the PNGs back instead. */
  readonly chartCacheDir: string | undefined;
  /** Cards in the top-level fields; chart twins in `charts`. */
  readonly stats: CardPoolStats & { charts: ChartTwinStats };
  /**
   * Queues a card for the next free worker (at the front of the queue with `first`, for a card
   * someone is waiting on now). Resolves when it is in the cache; rejects with an error naming the
   * card when it cannot be drawn, or with code CARD_POOL_UNAVAILABLE when no worker can take it.
   */
  render(input: CardInput, name: string, options?: { first?: boolean }): Promise<PooledCard>;
  /**
   * A chart's PNG twin, drawn by the next free worker into the chart cache. One already in that
   * cache resolves at once, with no job; one already queued or drawing is the same job (moved to the
   * front with `first`). Rejects as render does: with the error chartTwinError gives in the main
   * thread (its `detail` kept), or with code CARD_POOL_UNAVAILABLE.
   */
  chart(twin: ChartTwinJob, options?: { first?: boolean }): Promise<PooledCard>;
  /** A finished twin's PNG from the pool's chart cache. */
  readChart(key: string): Buffer | undefined;
  /**
   * Has the PNG of `job` (a render or chart of this pool) written to `path` under the build's output
   * by writeDelivered, instead of by an Astro route (./deliveries-fs.ts); `fallback` draws it in the
   * calling thread when no worker can. The same path again replaces it.
   */
  deliver(path: string, kind: DeliveryKind, job: Promise<PooledCard>, fallback: () => Buffer | Promise<Buffer>): void;
  /** Waits for every delivered job and writes the files into `dir`; rejects with a failed job's error, writing nothing. */
  writeDelivered(dir: string): Promise<Delivered>;
  /** Resolves when every worker has started (fonts loaded, warmed up) or stopped; cards may be queued before. */
  ready(): Promise<void>;
  /** A finished card's PNG from the pool's file cache. */
  read(key: string): Buffer | undefined;
  /** Ends every worker (cards still queued are rejected as unavailable); resolves when all have exited. */
  close(): Promise<void>;
}

const KEY = Symbol.for('substation.card-pool');
const slot = globalThis as { [KEY]?: CardPool };

export function setActiveCardPool(pool: CardPool | undefined): void {
  if (pool) slot[KEY] = pool;
  else delete slot[KEY];
}

export function activeCardPool(): CardPool | undefined {
  return slot[KEY];
}

export function isPoolUnavailable(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === CARD_POOL_UNAVAILABLE;
}
