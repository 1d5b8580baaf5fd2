// Makes `astro build` atomic: the build writes into a staging folder beside the output folder
// (.dist-staging/ for dist/, .<name>-staging/ for any --outDir), and only when every integration's
// astro:build:done has run (sitemap, the search index) is staging renamed into place. A build that
// fails anywhere leaves the previous output exactly as it was, and its staging folder is removed.
// Under `npm run build` the finished staging folder is handed to the build script instead, which
// indexes it for search and then swaps it in with the same swapIntoPlace (src/lib/build/handoff-fs.ts).
// The swap itself is src/lib/build/swap-fs.ts.
//
// Astro runs each hook integration by integration in config order, so this one must be the last
// integration with an astro:build:done hook; astro:config:done checks that and fails the build
// otherwise (a later hook would write into a staging folder that has already been moved).
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { handoffFile, writeHandoff } from '../lib/build/handoff-fs.ts';
import { atomicDistPaths, recoverStale, swapIntoPlace, type AtomicDistPaths } from '../lib/build/swap-fs.ts';

const NAME = 'substation:atomic-dist';

/** A URL inside `from` moved to the same place inside `to`; any other URL unchanged. */
function rebase(url: URL, from: URL, to: URL): URL {
  return url.href.startsWith(from.href) ? new URL(url.href.slice(from.href.length), to) : url;
}

export default function atomicDist(): AstroIntegration {
  let paths: AtomicDistPaths | undefined;
  let root = process.cwd();
  // Swapped into place, or handed to `npm run build`'s script (src/lib/build/handoff-fs.ts), which swaps it.
  let swapped = false;
  const removeStaging = () => {
    if (paths && !swapped) rmSync(paths.staging, { recursive: true, force: true });
  };
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        paths = atomicDistPaths(fileURLToPath(config.outDir));
        recoverStale(paths);
        const outDir = config.outDir;
        const staging = pathToFileURL(`${paths.staging}/`);
        // build.client and build.server are resolved inside outDir once, when the config is read;
        // updateConfig does not resolve them again, so they move with it.
        updateConfig({
          outDir: staging,
          build: { client: rebase(config.build.client, outDir, staging), server: rebase(config.build.server, outDir, staging) },
        });
        // A failed build exits the process (Astro's CLI calls process.exit(1)) without another hook.
        process.once('exit', removeStaging);
        // Stopped from outside (`npm run build` stops Astro when the content check finds problems): the
        // same way out, staging removed.
        process.once('SIGTERM', () => process.exit(143));
        logger.info(
          `building into ${relative(process.cwd(), paths.staging) || paths.staging}/; it replaces ${relative(process.cwd(), paths.target) || paths.target}/ when the build succeeds`,
        );
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        if (!paths) return;
        const mine = config.integrations.findIndex((integration) => integration.name === NAME);
        const later = config.integrations.slice(mine + 1).filter((integration) => integration.hooks['astro:build:done']);
        if (later.length) {
          throw new Error(
            `${NAME} must be the last integration with an astro:build:done hook (after it now: ${later.map((i) => i.name).join(', ')}). Move atomicDist() to the end of \`integrations\` in astro.config.mjs.`,
          );
        }
      },
      'astro:build:done': ({ logger }) => {
        if (!paths) return;
        const handoff = handoffFile();
        if (handoff) {
          writeHandoff(handoff, { root, ...paths });
          swapped = true;
          return;
        }
        try {
          swapIntoPlace(paths);
        } catch (error) {
          throw new Error(
            `AtomicDistFailed: could not move the finished build from ${paths.staging} to ${paths.target}; the previous output is as it was.\n${(error as Error).message}`,
            { cause: error },
          );
        }
        swapped = true;
        logger.info(`✓ ${relative(process.cwd(), paths.target) || paths.target}/ replaced by the new build`);
      },
    },
  };
}
