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
  /** The entry's file from the project root, named in an embed's error. */
  file: string;
}

/** The file an embed names in its errors: its own `file` prop, the entry being rendered, or a guess from the URL. */
export function embedSource(props: { file?: string | undefined }, context: EmbedContext | undefined, fallback: () => string): string {
  return props.file ?? context?.file ?? fallback();
}

export const chartPngPath = (owner: string, id: string) => `/charts/${owner}/${id}.png`;
