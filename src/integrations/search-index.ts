// Builds the Pagefind search index (src/lib/search/index-site-fs.ts) at astro:build:done, so a plain
// `astro build` ships working search. Under `npm run build` the build script indexes the site instead,
// once Astro's process has exited (src/lib/build/handoff-fs.ts), and this hook only says so.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { handoffFile } from '../lib/build/handoff-fs.ts';
import { indexSite, SEARCH_INDEX } from '../lib/search/index-site-fs.ts';

export default function searchIndex(): AstroIntegration {
  let root = process.cwd();
  return {
    name: SEARCH_INDEX,
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (handoffFile()) return logger.info('the search index is built next, in a process of its own');
        logger.info(await indexSite({ root, site: fileURLToPath(dir) }));
      },
    },
  };
}
