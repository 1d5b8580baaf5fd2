// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import atomicDist from './src/integrations/atomic-dist.ts';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import { cspDirectives, cspScriptResources, themeScriptHash } from './src/lib/seo/csp.ts';

// Canonical, feed and sitemap URLs are absolute; set SITE_URL to where the site is served.
const site = process.env.SITE_URL ?? 'https://substation.example';

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
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [...cspDirectives],
      scriptDirective: { resources: [...cspScriptResources], hashes: [themeScriptHash] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
