// Lighthouse on the pages readers land on: performance, accessibility, best practices and SEO
// each at least 0.95. The scores are printed so a slip is visible before it fails.
// The heaviest browser work in the suite, so four pages only, audited one after another: Lighthouse
// measures the page's own main-thread time, and two audits side by side would each slow the other.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason, pagesTimeout } from '../helpers/chromium.ts';
import { audit, calibratedSlowdown, CATEGORIES, launchForLighthouse } from '../helpers/lighthouse.ts';
import { pageTypes, type PageType } from '../helpers/pages.ts';
import { builtSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

if (!hasChromium) console.warn(noChromiumReason);
const TARGET = 0.95;
const KINDS = ['home', 'essay', 'issue', 'news'];
// One audit (four categories, simulated throttling, no screenshots) takes 5 s on an idle 2-core
// machine (6-7 s with them) and 9-12 s beside a build (measured, with them); 45 s each leaves room
// without hiding a hang.
const PER_AUDIT = 45_000;
// The performance score is a measurement of this machine as much as of the page: simulated
// throttling multiplies the main-thread time it observes by 4, a slowdown meant for a fast desktop,
// and a busy host is slow already. Beside a looping 1,000-essay build /news/ scored 0.90, 0.86 and
// 0.86 in three runs (host benchmark index 582-628, total blocking time 390 ms), where a quiet run
// scores 0.97 or more. A page below the target is audited for performance again, up to twice more,
// with the slowdown calibrated to the host's benchmark index of the run before, as Lighthouse's
// throttling guide does it (calibratedSlowdown), and passes when any run reaches it; every run is
// printed with its slowdown. A real regression (main-thread work the page added) fails all three.
const PERFORMANCE_RUNS = 3;

describe.skipIf(!hasChromium)('Lighthouse', () => {
  let browser: Browser;
  let port: number;
  let server: StaticServer;
  let pages: PageType[];

  beforeAll(async () => {
    const dist = await builtSite();
    pages = pageTypes(dist).filter((p) => KINDS.includes(p.kind));
    server = await serveStatic(dist);
    ({ browser, port } = await launchForLighthouse());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    `scores at least ${TARGET} in every category on home, an essay, an issue and the news wire`,
    { timeout: pagesTimeout(KINDS.length, PER_AUDIT) + 2 * PER_AUDIT },
    async () => {
      expect(pages.map((p) => p.kind)).toContain('essay');
      const below: string[] = [];
      for (const { kind, path } of pages) {
        const started = performance.now();
        const { scores, failing, benchmarkIndex } = await audit(`${server.url}${path}`, port);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `lighthouse ${kind.padEnd(6)} ${path}: ${CATEGORIES.map((c) => `${c} ${scores[c].toFixed(2)}`).join(', ')} (${seconds} s, host benchmark index ${Math.round(benchmarkIndex)})`,
        );
        let index = benchmarkIndex;
        for (let run = 2; run <= PERFORMANCE_RUNS && scores.performance < TARGET; run++) {
          const slowdown = calibratedSlowdown(index);
          const again = await audit(`${server.url}${path}`, port, ['performance'], slowdown);
          console.log(
            `lighthouse ${kind.padEnd(6)} ${path}: performance ${again.scores.performance.toFixed(2)}, run ${run} at ${slowdown}x CPU slowdown (host benchmark index ${Math.round(again.benchmarkIndex)})`,
          );
          index = again.benchmarkIndex;
          if (again.scores.performance >= TARGET) scores.performance = again.scores.performance;
        }
        for (const c of CATEGORIES)
          if (scores[c] < TARGET) below.push(`${kind} ${c} ${scores[c]} (host benchmark index ${Math.round(benchmarkIndex)}): ${failing.join('; ')}`);
      }
      expect(below).toEqual([]);
    },
  );
});
