// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readdirSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import atomicDist from './src/integrations/atomic-dist.ts';
import cardPool from './src/integrations/card-pool.ts';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import { cspDirectives, cspScriptResources, themeScriptHash } from './src/lib/seo/csp.ts';
import { splitFrontmatter } from './src/lib/content/frontmatter.ts';
import { slugFromFile } from './src/lib/essays/slug.ts';

// Canonical, feed and sitemap URLs are absolute; set SITE_URL to where the site is served.
const site = process.env.SITE_URL ?? 'https://substation.example';

// Rolldown warns MODULE_LEVEL_DIRECTIVE for the "use astro:head-inject" marker Astro puts in the
// ?astroPropagatedAssets module of every .mdx (withastro/astro#18087, open): ten lines per file, a
// hundred a build, nothing to act on. Exactly that warning is dropped; every other log passes.
// Rolldown colours its diagnostics even under NO_COLOR, so off a terminal their ANSI codes go
// (Astro's and Vite's own lines are already plain when stdout is not a TTY).
/** @type {NonNullable<NonNullable<import('vite').BuildEnvironmentOptions['rolldownOptions']>['onLog']>} */
function onLog(level, log, handler) {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
  handler(level, process.stdout.isTTY ? log : { ...log, message: stripVTControlCharacters(log.message) });
}

// The sitemap's <lastmod> for each essay page: its `updated` date, else its `date`, from the essay's
// own frontmatter. Pages with no date of their own (lists, tags) get none rather than the build's
// clock. Read once, when the sitemap is written; only pages the build made are in it.
/** @type {Map<string, Date> | undefined} */
let essayDates;
function essayLastmod(/** @type {string} */ path) {
  if (!essayDates) {
    essayDates = new Map();
    const dir = new URL('./content/essays/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => /\.mdx?$/i.test(n))) {
      const data = /** @type {{ date?: unknown, updated?: unknown } | undefined} */ (splitFrontmatter(readFileSync(new URL(name, dir), 'utf8')).data);
      const when = data?.updated ?? data?.date;
      const date = when instanceof Date || typeof when === 'string' ? new Date(when) : undefined;
      if (date && !Number.isNaN(date.getTime())) essayDates.set(`/essays/${slugFromFile(name)}/`, date);
    }
  }
  return essayDates.get(path);
}

/** @type {import('@astrojs/sitemap').SitemapOptions} */
const sitemapOptions = {
  filter: (page) => !/\/404\/?$/.test(page),
  serialize: (item) => {
    const date = essayLastmod(new URL(item.url).pathname);
    return date ? { ...item, lastmod: date.toISOString() } : item;
  },
};

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  // Two essays that resolve to one slug are an error, not a silent overwrite.
  prerenderConflictBehavior: 'error',
  // atomicDist last: its astro:build:done puts the finished build in place after every other one has run.
  // cardPool: social cards rendered by worker threads while pages render (src/integrations/card-pool.ts).
  integrations: [contentCheck(), mdx(), sitemap(sitemapOptions), searchIndex(), cardPool(), atomicDist()],
  // Inlined CSS: no render-blocking request before first paint (the whole sheet is a few KB gzipped).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Prism marks code with classes (styled in prose.css); Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: 'prism' },
  vite: { build: { rolldownOptions: { onLog } } },
  // Pages whose getStaticPaths cacheKey and module graph are unchanged keep their previous output
  // (essays: src/site/page-keys.ts), so a typo fix re-renders one essay, not a thousand.
  experimental: { incrementalBuild: true },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [...cspDirectives],
      scriptDirective: { resources: [...cspScriptResources], hashes: [themeScriptHash] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
