// The content check in a process of its own, for `npm run build` (scripts/build.ts): it runs while
// Astro's process starts, and its memory (the parsed bodies, the checker's modules) goes back to the
// system when it exits. As a worker thread it did not: at 1,000 essays the build script still held
// 130 MB of RSS at the build's peak, long after the worker had ended (glibc keeps a thread's arenas).
// The report comes back over the IPC channel (advanced serialization, as postMessage would send it).
import { checkProject } from './check-fs.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
const report = checkProject(root);
process.send!({ report, ms: performance.now() - started }, () => process.disconnect());
