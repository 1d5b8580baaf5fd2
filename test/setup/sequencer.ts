// The order the suite's files start in: longest first, so the two workers of a 2-core machine finish
// together. Vitest's own order is by the last run's durations, which a fresh clone (CI) has none of,
// and then by file size: there the 77-s static checks started at 362 s of 475, and one worker sat
// idle while the other finished them. The weights below are seconds measured alone on a slow 2-core
// machine (a 3e8-step Node loop in 4.5 s), from `npx vitest run --reporter=json --outputFile=F`;
// a file not listed, or newer than the list, counts by the last run's duration when there is one.
// Files in the unit project (no isolation: one process runs them one after another) go last, and
// together, so its workers are reused; a group with a higher groupOrder (Lighthouse) still waits.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each heavy file took; the rest take a second or less. */
export const WEIGHTS: ReadonlyMap<string, number> = new Map([
  ['test/site/rebuilds.test.ts', 123],
  ['test/browser/quality.test.ts', 102],
  ['test/house/static-checks.test.ts', 77],
  ['test/scripts/cli-help.test.ts', 39],
  ['test/scripts/ingest.test.ts', 36],
  ['test/browser/lighthouse.test.ts', 34],
  ['test/site/search-index.test.ts', 29],
  ['test/lib/cards/pool.test.ts', 24],
  ['test/site/cards.test.ts', 21],
  ['test/scripts/authoring-cli.test.ts', 19],
  ['test/site/feeds.test.ts', 18],
  ['test/scripts/digest.test.ts', 15],
  ['test/browser/search-news.test.ts', 14],
  ['test/browser/search-filters.test.ts', 13],
  ['test/scripts/check-mistakes.test.ts', 13],
  ['test/browser/companies.test.ts', 12],
  ['test/browser/toc.test.ts', 11],
  ['test/site/bad-content-build.test.ts', 11],
  ['test/browser/smoke.test.ts', 10],
  ['test/browser/search.test.ts', 9],
  ['test/scripts/data.test.ts', 8],
  ['test/site/dev-server.test.ts', 8],
  ['test/browser/phone-header.test.ts', 5],
  ['test/scripts/send.test.ts', 4],
  ['test/site/companies.test.ts', 4],
  ['test/site/finish-build.test.ts', 4],
  ['test/site/links.test.ts', 4],
]);

export default class LongestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const weight = (spec: TestSpecification) => {
      const file = relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/');
      return WEIGHTS.get(file) ?? (cache.getTestSpecificationResult(spec)?.duration ?? 0) / 1000;
    };
    const weights = new Map(files.map((spec) => [spec, weight(spec)]));
    const sorted = [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        Number(!a.project.config.isolate) - Number(!b.project.config.isolate) ||
        weights.get(b)! - weights.get(a)!,
    );
    return Promise.resolve(sorted);
  }
}
