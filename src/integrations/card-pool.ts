// Social cards in parallel with pages. `astro build` starts a pool of card workers, one per core, at
// astro:build:start: while Vite bundles, each loads the fonts and warms satori up. Astro 7 calls
// getStaticPaths for every route before it renders any page, and the card routes' getStaticPaths
// hand all their cards to the pool there (src/site/cards.ts), the chart route's the charts' PNG
// twins (src/site/chart-twins.ts: those not in the chart cache, each once). The workers render them
// into their caches while the main thread renders pages; the routes give Astro no path for them, and
// at astro:build:generated, when every page has been written, the pool copies each PNG to its place
// in the output (src/lib/cards/deliveries-fs.ts). A cold build costs about the larger of the two
// instead of their sum, and no image costs a route. A card or twin that failed fails the build here,
// named, and nothing of it is kept (src/integrations/atomic-dist.ts).
//
// The pool ends at astro:build:generated; astro:build:done closes it too, for a build that generated
// nothing. A failed build exits the process (Astro's CLI calls process.exit), which ends the threads
// with it, and an idle pool never holds a process open. `astro dev` gets no pool: a card or twin is
// a route rendered on request, as before.
//
// SUBSTATION_CARD_WORKERS=N sets the pool's size; 0 turns it off (cards and twins render in their
// endpoints), as does a machine with one core, where a worker could only take turns with the pages.
// The pool shortens a build only when it has cores to itself: the workers cost more CPU in all than
// the main thread did (their own start-up and JIT, 15-25% at 300 essays, measured), so a build that
// gets a fixed share of a busy machine is no faster with them, and a shared CI runner may want them
// off.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { activeCardPool, setActiveCardPool, type CardPool } from '../lib/cards/active-pool.ts';
import { createCardPool } from '../lib/cards/pool.ts';

export interface CardPoolIntegrationOptions {
  /** Worker threads; default SUBSTATION_CARD_WORKERS, else one per core. 0: no pool. */
  workers?: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Workers from SUBSTATION_CARD_WORKERS when it is a whole number from 0, else undefined (one per core). */
export function workersFromEnv(env: Record<string, string | undefined> = process.env): number | undefined {
  const raw = env.SUBSTATION_CARD_WORKERS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export default function cardPool({ workers = workersFromEnv() }: CardPoolIntegrationOptions = {}): AstroIntegration {
  let root = process.cwd();
  let pool: CardPool | undefined;

  const close = async (logger: AstroIntegrationLogger) => {
    if (!pool) return;
    const closing = pool;
    pool = undefined;
    if (activeCardPool() === closing) setActiveCardPool(undefined);
    await closing.close();
    const workers = `${closing.size} worker${closing.size === 1 ? '' : 's'}`;
    const { jobs, rendered, cached, failed, busyMs, waitedMs, charts } = closing.stats;
    // Worker time beside the pages; the wait is what the cards added to page rendering.
    if (jobs)
      logger.info(
        `✓ ${jobs} cards by ${workers} (${rendered} rendered, ${cached} from the cache${failed ? `, ${failed} failed` : ''}) ` +
          `in ${seconds(busyMs)} of worker time; the card endpoints waited ${seconds(waitedMs)} for them`,
      );
    // Twins already in the chart cache are no job, so a warm build prints no line.
    if (charts.jobs)
      logger.info(
        `✓ ${charts.jobs} chart twins by ${workers} (${charts.rendered} rendered, ${charts.cached} from the cache${charts.failed ? `, ${charts.failed} failed` : ''}) ` +
          `in ${seconds(charts.busyMs)} of worker time`,
      );
  };

  /** The cards and twins the routes handed over, copied into the output now that every page is in it. */
  const deliver = async (dir: URL, logger: AstroIntegrationLogger) => {
    if (!pool) return;
    const started = performance.now();
    const { cards, charts, waitedMs } = await pool.writeDelivered(fileURLToPath(dir));
    if (cards + charts)
      logger.info(
        `✓ ${cards} cards into og/ and ${charts} chart twins into charts/ in ${seconds(performance.now() - started)}, ` +
          `of which ${seconds(waitedMs)} waiting for the workers after the pages`,
      );
  };

  return {
    name: 'substation:card-pool',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        if (workers === 0 || (workers === undefined && availableParallelism() < 2)) {
          logger.info(`card pool off (${workers === 0 ? 'SUBSTATION_CARD_WORKERS=0' : 'one core'}): cards and chart twins render in their endpoints`);
          return;
        }
        pool = createCardPool({ root, ...(workers === undefined ? {} : { size: workers }), warn: (message) => logger.warn(message) });
        setActiveCardPool(pool);
        logger.info(`${pool.size} card worker${pool.size === 1 ? '' : 's'} started`);
      },
      'astro:build:generated': async ({ dir, logger }) => {
        try {
          await deliver(dir, logger);
        } finally {
          await close(logger);
        }
      },
      'astro:build:done': async ({ logger }) => close(logger),
    },
  };
}
