// Fails `astro build` and `astro dev` before Astro's loaders run when any content is invalid, with
// every problem listed at once (Astro itself stops at the first entry).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../lib/content/load-fs.ts';
import { ContentError } from '../lib/errors/content-error.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'substation:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const started = performance.now();
        try {
          const report = loadContent(fileURLToPath(config.root));
          const ms = Math.round(performance.now() - started);
          logger.info(`✓ content valid: ${report.counts.essays} essays, ${report.counts.authors} authors in ${ms}ms`);
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          logger.error(error.message);
          // A user mistake gets its message, not a stack trace.
          process.exit(1);
        }
      },
    },
  };
}
