// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';

// Canonical, feed and sitemap URLs are absolute; set SITE_URL to where the site is served.
const site = process.env.SITE_URL ?? 'https://substation.example';

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  // Two essays that resolve to one slug are an error, not a silent overwrite.
  prerenderConflictBehavior: 'error',
  integrations: [contentCheck(), mdx(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) })],
  build: { format: 'directory' },
});
