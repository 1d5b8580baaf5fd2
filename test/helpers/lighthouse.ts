// Lighthouse against Debian's chromium: playwright-core launches the browser with a debugging
// port, and Lighthouse's Node API audits pages through it.
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function launchForLighthouse(): Promise<{ browser: Browser; port: number }> {
  const port = await freePort();
  const browser = await launchChromium([`--remote-debugging-port=${port}`]);
  return { browser, port };
}

export interface Audit {
  scores: Scores;
  /** Titles of failing audits in categories that scored below 1, for a useful failure message. */
  failing: string[];
  /**
   * Lighthouse's measure of the host CPU at the start of the run (about 1000 for the mid-tier phone
   * it emulates, higher is faster). A busy machine reads low, and its main-thread tasks, slowed
   * four times more by the simulated throttling, can cost the performance score: worth printing.
   */
  benchmarkIndex: number;
}

/**
 * The CPU slowdown that takes this host to the phone Lighthouse's default emulates, from its
 * benchmark index, as Lighthouse's throttling guide calibrates it (docs/throttling.md): the default
 * 4x takes a high-end desktop (index 1500-2000, 1,750 in the middle) into the mid-tier mobile
 * bracket, at about 440; a host that reads slower needs less, down to none.
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  return Math.round(Math.min(4, Math.max(1, benchmarkIndex / 440)) * 10) / 10;
}

/**
 * Audits `url` in the given categories (all four by default); a category not audited scores 0.
 * `cpuSlowdownMultiplier` replaces Lighthouse's default 4x (see calibratedSlowdown).
 */
export async function audit(
  url: string,
  port: number,
  only: readonly (typeof CATEGORIES)[number][] = CATEGORIES,
  cpuSlowdownMultiplier?: number,
): Promise<Audit> {
  // No screenshots: the scores are all we read, and the full-page one, the filmstrip and the final
  // frame cost 1.3-1.8 s of each 6.4-6.9 s audit (measured, the same scores either way).
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...only],
    disableFullPageScreenshot: true,
    skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
    ...(cpuSlowdownMultiplier ? { throttling: { cpuSlowdownMultiplier } } : {}),
  });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score ?? 0])) as Scores;
  const failing = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
    .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return { scores, failing, benchmarkIndex: result.lhr.environment.benchmarkIndex };
}
