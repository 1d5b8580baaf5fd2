// What an embed needs to know about where it is rendered, passed through Astro.locals by the page
// (and by the container that renders bodies for feeds and email): the page or feed form, the
// figures of the body in reading order (for real "Figure N" text), and the URLs to link back to.
import type { FigureRef } from '../mdx/figures.ts';

export interface EmbedContext {
  /** "page": the site (inline SVG, legend, table). "feed": feeds and email (PNG twin, caption, links). */
  mode: 'page' | 'feed';
  figures: readonly FigureRef[];
  /** The entry's page, absolute: figures link back to it. */
  pageUrl: string;
  /** The site's origin, absolute, ending in "/". */
  site: string;
  /** The folder of the entry's chart PNGs under /charts/: the essay slug, or issue-<n>. */
  owner: string;
}

export const chartPngPath = (owner: string, id: string) => `/charts/${owner}/${id}.png`;
