// Builds the Pagefind search index into dist/pagefind after `astro build`, through Pagefind's Node
// API, so a plain build ships working search. Pages opt in with data-pagefind-body and say what they
// are with data-pagefind-filter="kind:…" (essay, issue, news, company); every other page is left out.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexOptions {
  /** Folder of the index inside the build output; the search page loads /<folder>/pagefind.js. Default: "pagefind". */
  folder?: string;
}

export default function searchIndex({ folder = 'pagefind' }: SearchIndexOptions = {}): AstroIntegration {
  return {
    name: 'substation:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: join(site, folder) });
          if (written.errors.length) throw new Error(written.errors.join('\n'));
          const ms = Math.round(performance.now() - started);
          logger.info(`✓ indexed ${added.page_count} pages for search into ${folder}/ in ${ms}ms`);
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
