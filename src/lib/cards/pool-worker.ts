// One card worker thread (see pool.ts): the fonts once, then job after job, each answered with its
// cache key: cards through the same renderer and cache as the main thread, chart twins through the
// same chartTwinPng.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { chartTwinPng } from '../charts/png-fs.ts';
import { fileCardCache } from './cache-fs.ts';
import { loadCardFonts } from './fonts-fs.ts';
import type { CardJobMessage, CardWorkerData, CardWorkerMessage } from './pool.ts';
import { createCardRenderer } from './renderer-fs.ts';

const { root, cacheDir, chartCacheDir, warmUp } = workerData as CardWorkerData;
const port = parentPort!;
const send = (message: CardWorkerMessage) => port.postMessage(message);

const renderer = createCardRenderer({ root, cache: cacheDir ? fileCardCache(cacheDir) : false, warn: (message) => send({ type: 'warn', message }) });
const chartCache = chartCacheDir ? fileCardCache(chartCacheDir) : false;
// A twin's pixmap (about 4 MB) is resvg's native memory, which V8 does not see and frees only when
// its JS wrapper is collected; a twin allocates so little JS that the collector seldom runs, and
// the pixmaps pile up. A minor GC after each twin (about 0.05 ms) frees them: 2 workers drawing 400
// twins peaked at 1,084 MB of RSS without it, 350 MB with it, in the same 5 s (measured). gc is
// taken from a new context made with the flag on, and the flag stays on: V8's flags are the
// process's, so a worker that turned it off again could do so while another worker of the pool was
// between the two lines, and that worker stopped with "gc is not defined" (1 start in 8 with two
// workers, measured). New contexts made later in the process can see a gc function; nothing else
// changes.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options: { type: 'minor' }) => void;
loadCardFonts(root);
// satori and resvg start up on their first card (yoga, the JIT): pay that now, while Astro bundles.
if (warmUp)
  await createCardRenderer({ root, cache: false, warn: () => {} }).render({ kicker: ['Warm-up'], title: 'Warm-up card', dek: 'Not kept.' }, 'warm-up');

async function draw(job: CardJobMessage): Promise<{ key: string; cached: boolean; png: Buffer }> {
  if (job.type === 'card') return renderer.card(job.input, job.name);
  const { png, cached } = chartTwinPng(job, { root, cache: chartCache, name: job.name });
  return { key: job.key, cached, png };
}

// The pool posts a job in reserve behind the one being drawn (pool.ts): one at a time, in order.
let queue = Promise.resolve();
port.on('message', (job: CardJobMessage) => {
  queue = queue.then(() => run(job));
});

async function run(job: CardJobMessage): Promise<void> {
  const started = performance.now();
  try {
    const done = await draw(job);
    send({
      type: 'done',
      id: job.id,
      key: done.key,
      cached: done.cached,
      ms: performance.now() - started,
      ...((job.type === 'card' ? cacheDir : chartCacheDir) ? {} : { png: done.png }),
    });
    // Once the loop has turned, the twin's wrappers are garbage (and the last one's finalizers have run).
    if (job.type === 'chart') {
      await new Promise((resolve) => setImmediate(resolve));
      collect({ type: 'minor' });
    }
  } catch (error) {
    // A twin that resvg could not draw is failed in the main thread with chartTwinError from resvg's
    // words (detail), so it reads exactly as it would have there.
    const detail = (error as { detail?: unknown } | null)?.detail;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    send({ type: 'failed', id: job.id, message, ...(typeof detail === 'string' ? { detail } : {}) });
  }
}
send({ type: 'ready' });
