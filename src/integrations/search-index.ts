// Builds the Pagefind search index into dist/pagefind after `astro build`, through Pagefind's Node
// API, so a plain build ships working search. Essay, issue and company pages opt in with
// data-pagefind-body and say what they are with data-pagefind-filter="kind:…", and carry topic and
// company filters; every other page is left out. The news wire goes in as one record per story
// (src/lib/search/news-records.ts), linked to its entry on the wire, rather than as pages of 50.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readNewsRecords } from '../lib/search/news-records-fs.ts';

const RECORD_BATCH = 200;

export interface SearchIndexOptions {
  /** Folder of the index inside the build output; the search page loads /<folder>/pagefind.js. Default: "pagefind". */
  folder?: string;
}

export default function searchIndex({ folder = 'pagefind' }: SearchIndexOptions = {}): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'substation:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
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
          const written = await index.writeFiles({ outputPath: join(site, folder) });
          if (written.errors.length) throw new Error(written.errors.join('\n'));
          const ms = Math.round(performance.now() - started);
          // addDirectory counts every HTML file it read; the pages indexed are those that opted in.
          const entry = JSON.parse(readFileSync(join(site, folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
          const records = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
          logger.info(`✓ indexed ${news.records.length} news stories and ${records - news.records.length} pages for search into ${folder}/ in ${ms}ms`);
        } catch (error) {
          // Without an index the search page is broken: fail the build rather than ship it.
          throw new Error(
            `SearchIndexFailed: Pagefind could not index the built site in ${site}.\n${(error as Error).message}\nHint: run \`npx pagefind --site dist\` to see Pagefind's own report.`,
            { cause: error },
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
