// Debian's chromium driven by playwright-core (never a downloaded browser). Suites that need it
// skip with a printed reason where it is not installed; CI installs it, so CI never skips.
//
// Each browser suite launches one chromium in beforeAll and closes it in afterAll; tests that
// check many pages run a few at a time, each lane in a browser context of its own (`inLanes`),
// with a test timeout sized to the number of pages (`pagesTimeout`), never one fixed 30 s for all.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const noChromiumReason = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

/**
 * How many pages a suite checks at once. Lanes pay off where pages wait (16 pages to network idle:
 * 10.6-11.0 s in one lane, 6.7-7.5 s in two, 5.3-5.9 s in three), not where they compute (axe on
 * 44 pages: 13-18 s in one, two or three lanes alike, at load average 7-9). Two, because the file
 * beside this one in the other vitest worker wants a core too.
 */
export const PAGE_CONCURRENCY = Math.max(1, Number(process.env.BROWSER_PAGE_CONCURRENCY) || 2);

/**
 * The timeout of a test that walks a reader through a few pages in one tab. It takes a second or
 * two on an idle machine and under ten on a busy 2-core one; a minute means something hangs.
 */
export const WALK_TIMEOUT = 60_000;

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/**
 * `check` on every item, `lanes` at a time. Each lane is a browser context of its own with one tab,
 * which loads its share of the items one after another (as a reader's tab would), so the pages
 * checked at the same moment share no cookies, storage or cache. A lane keeps its tab: a fresh
 * context per page costs a new renderer process and a cold script cache, about twice the time per
 * page (measured on axe: 3.3 s against 1.6 s for five pages). Results come in the items' order.
 * When a check fails, no new item is started, the ones under way finish (nothing outlives the
 * test), the contexts close, and the first failure is thrown.
 */
export async function inLanes<T, R>(
  browser: Browser,
  items: readonly T[],
  options: BrowserContextOptions,
  check: (page: Page, item: T) => Promise<R>,
  lanes = PAGE_CONCURRENCY,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const errors: unknown[] = [];
  let next = 0;
  const lane = async () => {
    const context = await browser.newContext(options);
    try {
      const page = await context.newPage();
      while (next < items.length && errors.length === 0) {
        const index = next++;
        try {
          results[index] = await check(page, items[index]!);
        } catch (error) {
          errors.push(error);
        }
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  if (errors.length) throw errors[0];
  return results;
}

/**
 * A test timeout for work done page by page: `fixedMs` for the browser and the test's own steps,
 * plus `perPageMs` for each page. The per-page share is what one page takes on a busy 2-core
 * machine with room to spare, counted as if the pages ran one after another: on cores that other
 * work is using, the lanes overlap little, so they make the test faster, not its worst case shorter.
 */
export function pagesTimeout(pages: number, perPageMs: number, fixedMs = 15_000): number {
  return fixedMs + pages * perPageMs;
}

/**
 * Whether a failed request is one that leaving the page aborted: Chromium asks for the favicon after
 * load, and a navigation made before its answer aborts it (seen in CI beside a build). Such a request
 * says nothing of the site; `stillFailing` fetches its URL again to be sure.
 */
export const abortedByNavigation = (reason: string | undefined) => reason === 'net::ERR_ABORTED';

/** The aborted URLs (each with the page it was asked for on) that the server cannot serve when fetched again. */
export async function stillFailing(aborted: ReadonlyMap<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const [url, path] of aborted) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) problems.push(`${path}: failed ${url} (aborted, and ${response.status} when fetched again)`);
  }
  return problems;
}
