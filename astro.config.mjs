// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { stripVTControlCharacters } from 'node:util';
import atomicDist from './src/integrations/atomic-dist.ts';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import { cspDirectives, cspScriptResources, themeScriptHash } from './src/lib/seo/csp.ts';

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

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  // Two essays that resolve to one slug are an error, not a silent overwrite.
  prerenderConflictBehavior: 'error',
  // atomicDist last: its astro:build:done puts the finished build in place after every other one has run.
  integrations: [contentCheck(), mdx(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) }), searchIndex(), atomicDist()],
  // Inlined CSS: no render-blocking request before first paint (the whole sheet is a few KB gzipped).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Prism marks code with classes (styled in prose.css); Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: 'prism' },
  vite: { build: { rolldownOptions: { onLog } } },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [...cspDirectives],
      scriptDirective: { resources: [...cspScriptResources], hashes: [themeScriptHash] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
