// One card worker thread (see pool.ts): the fonts once, then card after card through the same
// renderer and cache as the main thread, answering each with its cache key.
import { parentPort, workerData } from 'node:worker_threads';
import { fileCardCache } from './cache-fs.ts';
import { loadCardFonts } from './fonts-fs.ts';
import type { CardJobMessage, CardWorkerData, CardWorkerMessage } from './pool.ts';
import { createCardRenderer } from './renderer-fs.ts';

const { root, cacheDir, warmUp } = workerData as CardWorkerData;
const port = parentPort!;
const send = (message: CardWorkerMessage) => port.postMessage(message);

const renderer = createCardRenderer({ root, cache: cacheDir ? fileCardCache(cacheDir) : false, warn: (message) => send({ type: 'warn', message }) });
loadCardFonts(root);
// satori and resvg start up on their first card (yoga, the JIT): pay that now, while Astro bundles.
if (warmUp)
  await createCardRenderer({ root, cache: false, warn: () => {} }).render({ kicker: ['Warm-up'], title: 'Warm-up card', dek: 'Not kept.' }, 'warm-up');

port.on('message', async ({ id, name, input }: CardJobMessage) => {
  const started = performance.now();
  try {
    const card = await renderer.card(input, name);
    send({ type: 'done', id, key: card.key, cached: card.cached, ms: performance.now() - started, ...(cacheDir ? {} : { png: card.png }) });
  } catch (error) {
    send({ type: 'failed', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
send({ type: 'ready' });
