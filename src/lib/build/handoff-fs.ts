// `npm run build` (scripts/build.ts) runs `astro build` in a child process, then builds the search
// index in a process of its own once Astro's has exited, then puts the build in place. Pagefind then
// never shares the machine's memory with Astro: at 1,000 essays Astro's process still holds about
// 1.5 GB when its build is done and Pagefind adds about 530 MB, and that sum was the build's peak.
//
// The script sets SUBSTATION_BUILD_HANDOFF to a file. With it set, the search index integration
// leaves the index to the script, and atomicDist leaves the finished build in its staging folder and
// writes here where that is, for the script to index and swap. A plain `astro build`, without the
// variable, does both in its own process, as before.
import { readFileSync, writeFileSync } from 'node:fs';
import type { AtomicDistPaths } from './swap-fs.ts';

export const HANDOFF_ENV = 'SUBSTATION_BUILD_HANDOFF';

/** Where the finished build waits: the project, and atomicDist's staging, output and trash folders. */
export interface Handoff extends AtomicDistPaths {
  root: string;
}

/** The handoff file the build script asked for, or undefined for a plain `astro build`. */
export function handoffFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[HANDOFF_ENV] || undefined;
}

export function writeHandoff(file: string, handoff: Handoff): void {
  writeFileSync(file, JSON.stringify(handoff));
}

export function readHandoff(file: string): Handoff {
  return JSON.parse(readFileSync(file, 'utf8')) as Handoff;
}
