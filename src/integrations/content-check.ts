// The content check where the author is looking. `astro build` runs it before anything is rendered
// and stops with every problem listed (the same lines as `npm run check`, no stack trace): a mistake
// in a draft stops the build too. `astro dev` keeps running and answers every page request with the
// problems (HTTP 500, a frame of the author's file under each) until they are fixed; then the page
// comes back by itself. Astro itself would stop at the first entry, or keep serving the last good one.
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProject, checkProjectCached } from '../lib/content/check-fs.ts';
import { CHECK_ELSEWHERE_ENV, CONTENT_CHECK, DEV_CONTENT_CHECK_ENV, checkVerdict } from '../lib/content/check-lines.ts';
import { errorPage, STATUS_PATH } from '../lib/errors/error-page.ts';

/** Requests for pages and feeds, not for Vite's modules and assets. */
function isPage(url: string): boolean {
  const path = url.split('?')[0]!;
  if (/^\/(?:@|_astro\/|node_modules\/|src\/|__)/.test(path)) return false;
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return !ext || ['html', 'xml', 'json', 'txt'].includes(ext);
}

export default function contentCheck(): AstroIntegration {
  let root = process.cwd();
  return {
    name: CONTENT_CHECK,
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        // The content layer then keeps invalid entries rather than stop the server (src/site/dev-loader.ts).
        if (command === 'dev') process.env[DEV_CONTENT_CHECK_ENV] = '1';
        // Under `npm run build` the build script checks in its own process while Astro starts.
        if (command !== 'build' || process.env[CHECK_ELSEWHERE_ENV]) return;
        const started = performance.now();
        const report = checkProject(root);
        for (const warning of report.warnings) logger.warn(warning);
        const verdict = checkVerdict(report, performance.now() - started);
        if (!verdict.ok) {
          logger.error(verdict.line);
          // A user mistake gets its message, not a stack trace; the previous dist/ is untouched.
          process.exit(1);
        }
        logger.info(verdict.line);
      },
      'astro:server:setup': ({ server, logger }) => {
        let reported = '';
        server.middlewares.use((req, res, next) => {
          const url = req.url ?? '/';
          if (url.startsWith(STATUS_PATH)) {
            const report = checkProjectCached(root);
            res.setHeader('Content-Type', 'application/json');
            res.setHeader('Cache-Control', 'no-store');
            res.end(JSON.stringify({ ok: report.problems.length === 0, problems: report.problems }));
            return;
          }
          if (req.method !== 'GET' || !isPage(url)) return next();
          const report = checkProjectCached(root);
          if (!report.problems.length) {
            reported = '';
            return next();
          }
          const text = report.problems.join('\n');
          if (text !== reported) {
            reported = text;
            logger.error(`✗ ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in the content:\n  ${report.problems.join('\n  ')}`);
          }
          const read = (file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined);
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(errorPage(report.problems, read));
        });
      },
    },
  };
}
