// `astro dev` started on content with a mistake in it. Astro's content layer stops the server at
// startup on the first entry that fails its schema (or a taxonomy that does not parse), printing
// Astro's own error, so the author's browser never shows the problem. Under `astro dev` the
// content-check integration sets DEV_CONTENT_CHECK_ENV (src/integrations/content-check.ts) and
// answers every page with the problems, file, line and fix, until they are fixed; so in dev a loader
// wrapped here leaves an invalid entry out of the store instead of throwing, and the server starts.
// An entry that was valid before keeps its last valid version, as Astro keeps it; once the file is
// fixed the loader parses it again. A build is never lenient: the check stops it first, and the
// schemas stop it too.
import { statSync } from 'node:fs';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { DEV_CONTENT_CHECK_ENV } from '../lib/content/check-lines.ts';

/** What a schema or a parser said, in one line: its details (Astro's schema errors put them after a heading line). */
function said(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.length > 1 ? lines.slice(1) : lines).join('; ');
}

/** How long after a failed read a file is looked at again: an editor's write (truncate, then write) is done by then. */
const SETTLE_MS = 300;

/** The file's size and mtime: one string per state of it. */
function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return '-';
  }
}

export function devTolerant(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      if (!process.env[DEV_CONTENT_CHECK_ENV]) return loader.load(context);
      const invalid = new Set<string>();
      // A file read half written (an editor truncates, then writes) fails, and its one change event
      // has passed. Each failing file is announced to the loader once more per state of the file, so
      // the complete file is read; a file that stays invalid is read once, not in a loop.
      const retried = new Map<string, string>();
      const retry = (file: string | undefined) => {
        if (!file || !context.watcher) return;
        setTimeout(() => {
          const now = stamp(file);
          if (retried.get(file) === now) return;
          retried.set(file, now);
          context.watcher?.emit('change', file);
        }, SETTLE_MS).unref();
      };
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          const data = await context.parseData(props);
          invalid.delete(props.id);
          return data;
        } catch (error) {
          invalid.add(props.id);
          retry(props.filePath);
          context.logger.warn(
            `${context.collection} → ${props.id}: left out until it is valid (${said(error)}). Fixed in another file, such as the taxonomy? Restart npm run dev.`,
          );
          return props.data;
        }
      };
      // The loader stores what parseData returned; an invalid entry's raw data is not stored.
      const store = new Proxy(context.store, {
        get(target, key, receiver) {
          if (key === 'set') return (entry: Parameters<DataStore['set']>[0]) => (invalid.has(entry.id) ? false : target.set(entry));
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      try {
        await loader.load({ ...context, parseData, store });
      } catch (error) {
        // A file the loader cannot read at all: the check names it.
        context.logger.warn(`${context.collection}: ${said(error)} (the content check lists it)`);
      }
    },
  };
}
