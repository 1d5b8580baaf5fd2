// `astro dev` started on content with a mistake in it. Astro's content layer stops the server at
// startup on the first entry that fails its schema (or a taxonomy that does not parse), printing
// Astro's own error, so the author's browser never shows the problem. Under `astro dev` the
// content-check integration sets DEV_CONTENT_CHECK_ENV (src/integrations/content-check.ts) and
// answers every page with the problems, file, line and fix, until they are fixed; so in dev a loader
// wrapped here keeps an invalid entry as written (no page renders it while the check has problems)
// and the server starts. Once the file is fixed, the loader parses it again and the page comes back.
// A build is never lenient: the check stops it first, and the schemas stop it too.
import type { Loader } from 'astro/loaders';
import { DEV_CONTENT_CHECK_ENV } from '../lib/content/check-lines.ts';

export function devTolerant(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      if (!process.env[DEV_CONTENT_CHECK_ENV]) return loader.load(context);
      const parseData: typeof context.parseData = async (props) => {
        try {
          return await context.parseData(props);
        } catch {
          return props.data;
        }
      };
      try {
        await loader.load({ ...context, parseData });
      } catch (error) {
        // A file the loader cannot read at all (YAML that does not parse): the check names it.
        context.logger.warn(`${context.collection}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (the content check lists it)`);
      }
    },
  };
}
