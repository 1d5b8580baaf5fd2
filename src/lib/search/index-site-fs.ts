// The Pagefind search index of a built site, through Pagefind's Node API. Essay, issue and company
// pages opt in with data-pagefind-body and say what they are with data-pagefind-filter="kind:…", and
// carry topic and company filters; every other page is left out. The news wire goes in as one record
// per story (./news-records.ts), linked to its entry on the wire, rather than as pages of 50.
// `npm run build` (scripts/build.ts) calls indexSite once Astro's process has exited, so the two never
// hold memory at once (../build/handoff-fs.ts); a plain `astro build` calls it from the integration
// (src/integrations/search-index.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readNewsRecords } from './news-records-fs.ts';

const RECORD_BATCH = 200;
/** The label its lines carry in the build's output, as the integration's name. */
export const SEARCH_INDEX = 'substation:search-index';

/**
 * The folders of the build whose pages opt in (data-pagefind-body): essays, issues and company
 * profiles. Pagefind parses every file it is given, opted in or not, and the wire's own pages are
 * the bulk of a large build (100,000 news items: 4,600 pages, 340 MB, about 13 s to parse for
 * nothing). test/site/search-index.test.ts fails if a page that opts in is outside them.
 */
export const SEARCH_PAGES_GLOB = '{essays,issues,companies}/**/*.html';

/** Where the index goes inside the build output: the search page loads /pagefind/pagefind.js. */
export const SEARCH_FOLDER = 'pagefind';

/**
 * Indexes the built site in `site` (essay, issue and company pages, and the wire's stories) into
 * `site`/pagefind, and returns the line that says what went in. Throws SearchIndexFailed with
 * Pagefind's errors; an index that could not be written leaves the build unfit to ship.
 */
export async function indexSite({ root, site }: { root: string; site: string }): Promise<string> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: site, glob: SEARCH_PAGES_GLOB });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const news = readNewsRecords({ root, site });
    if (news.missing.length) {
      throw new Error(
        `${news.missing.length} of ${news.stories} stories have no entry with id="n-<id>" on the wire pages (${news.missing.slice(0, 3).join(', ')}…): their results would link nowhere. The wire's headlines (src/components/NewsItem.astro) must keep their ids.`,
      );
    }
    // In batches: one request at a time costs a round trip to Pagefind's process per story
    // (5,000 records: 0.86 s one by one, 0.25 s in batches); requests still go out in order.
    for (let i = 0; i < news.records.length; i += RECORD_BATCH) {
      const batch = news.records.slice(i, i + RECORD_BATCH);
      const results = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      const failed = results.findIndex((r) => r.errors.length);
      if (failed >= 0) throw new Error(`${batch[failed]!.url}: ${results[failed]!.errors.join('\n')}`);
    }
    const written = await index.writeFiles({ outputPath: join(site, SEARCH_FOLDER) });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    const ms = Math.round(performance.now() - started);
    const entry = JSON.parse(readFileSync(join(site, SEARCH_FOLDER, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const records = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    const older = news.since
      ? ` (the newest, back to ${news.since.slice(0, 10)}; ${news.left} older ones are on the wire's pages: SUBSTATION_SEARCH_NEWS_LIMIT, or searchNewsLimit in src/lib/site.ts, sets how many)`
      : '';
    return `✓ indexed ${news.records.length} news stories${older} and ${records - news.records.length} pages for search into ${SEARCH_FOLDER}/ in ${ms}ms`;
  } catch (error) {
    // Without an index the search page is broken: fail the build rather than ship it.
    throw new Error(
      `SearchIndexFailed: Pagefind could not index the built site in ${site}.\n${(error as Error).message}\nHint: run \`npx pagefind --site dist\` to see Pagefind's own report.`,
      { cause: error },
    );
  } finally {
    await pagefind.close();
  }
}
