import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/setup/sequencer.ts';

const LIGHTHOUSE = 'test/browser/lighthouse.test.ts';
// Functions over fixtures: their files share one process per worker instead of a fresh one each (73
// of them: 37.8 s wall and 61 s CPU isolated, 20.7 s and 35 s shared, on a slow machine).
const UNIT = 'test/lib/**/*.test.ts';
const EXCLUDE = ['test/.tmp/**', 'node_modules/**'];
// Vitest's default for `run` is one worker fewer than the cores: a single worker on a 2-core machine,
// every file one after another while many of them wait on child processes (builds, CLIs, chromium).
// Two workers there (the whole suite beside a looping build, same tests: 372 s and 239 s against
// 414 s and 307 s with one worker, load average 8-17); the default (cores - 1) on bigger machines.
const workers = Math.max(2, availableParallelism() - 1);
// Node's compile cache for every process the suite starts (the forks, and the CLIs they run: about
// 90 of them in cli-help alone, each spending most of its start compiling the same modules). 20 s
// for cli-help without it, 11-13 s with it (measured); builds gain nothing, Vite bundling dominates.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, 'node_modules/.cache/node-compile');

export default defineConfig({
  test: {
    exclude: EXCLUDE,
    // The built-site and browser suites share one production build made once per run. This root
    // global setup runs once for both projects below, so they share its run id and the build.
    globalSetup: ['test/setup/build-site.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Longest file first (test/setup/sequencer.ts), so both workers finish together on a fresh clone.
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: [UNIT], exclude: EXCLUDE, isolate: false, maxWorkers: workers },
      },
      {
        extends: true,
        test: {
          name: 'tests',
          include: ['test/**/*.test.ts'],
          exclude: [...EXCLUDE, LIGHTHOUSE, UNIT],
          maxWorkers: workers,
        },
      },
      {
        // Lighthouse times the page's own main thread, so it runs last, alone: with axe in the
        // other worker the home page's performance fell to 0.87 (total blocking time), measured.
        extends: true,
        test: { name: 'lighthouse', include: [LIGHTHOUSE], maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
