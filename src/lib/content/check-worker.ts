// The content check in a worker thread, for `npm run build` (scripts/build.ts): it runs while Astro's
// process starts, and the worker's heap (the parsed bodies, the checker's modules) goes with the
// worker, so none of it is still held when the build's memory peaks at its end.
import { parentPort, workerData } from 'node:worker_threads';
import { checkProject } from './check-fs.ts';

const started = performance.now();
const report = checkProject((workerData as { root: string }).root);
parentPort!.postMessage({ report, ms: performance.now() - started });
