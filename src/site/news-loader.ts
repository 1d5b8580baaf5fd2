// The `news` content collection's loader: every item of the news store as one entry keyed by its
// stable id. The store is read whole on each sync (a month is one file), so removed items vanish too.
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { NewsItem } from '../lib/schema/news.ts';

export interface NewsLoaderOptions {
  /** The store's folder, relative to the project root. Default: "content/news". */
  base?: string;
  /** Reads every item of the store in `dir` (ingest's readNewsStore); throws naming each bad shard. */
  read: (dir: string) => NewsItem[] | Promise<NewsItem[]>;
}

export function newsLoader({ base = 'content/news', read }: NewsLoaderOptions): Loader {
  return {
    name: 'substation:news',
    async load({ store, parseData, generateDigest, logger, config, watcher }) {
      const dir = resolve(fileURLToPath(config.root), base);
      const sync = async () => {
        const started = performance.now();
        const items = await read(dir);
        store.clear();
        for (const item of items) {
          const data = await parseData({ id: item.id, data: item });
          store.set({ id: item.id, data, digest: generateDigest(item) });
        }
        logger.info(`✓ ${items.length} news items from ${base} in ${Math.round(performance.now() - started)}ms`);
      };
      // Watched before the first read, so a store that is broken when `astro dev` starts (which
      // src/site/dev-loader.ts tolerates there) is read again once fixed. A shard broken later is
      // logged and its items kept as they were; the content check shows it on every page.
      watcher?.add(dir);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir) && path.endsWith('.json'))
          sync().catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
      });
      await sync();
    },
  };
}
