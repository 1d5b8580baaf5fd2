// An essay's or issue's body as HTML, for its page and, outside a page, for the feeds and the email:
// the same MDX pipeline and components mapping, with Astro.locals.embed saying which form the embeds
// take and which figures the body has. One container per build.
import { render, type CollectionEntry } from 'astro:content';
import { loadRenderers } from 'astro:container';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { embeds } from '../components/embeds/index.ts';
import type { EmbedContext } from '../lib/embeds/context.ts';
import { figuresOf } from '../lib/mdx/figures.ts';

type Entry = CollectionEntry<'essays'> | CollectionEntry<'issues'>;

let container: Promise<AstroContainer> | undefined;
const figureCache = new Map<string, ReturnType<typeof figuresOf>>();

/** Where an entry's chart PNG twins live under /charts/. */
export const chartOwner = (entry: Entry) => (entry.collection === 'issues' ? `issue-${entry.id}` : entry.id);

/** The figures of an entry in reading order, parsed once per build. */
export function entryFigures(entry: Entry): ReturnType<typeof figuresOf> {
  const key = `${entry.collection}/${entry.id}`;
  let figures = figureCache.get(key);
  if (!figures) figureCache.set(key, (figures = figuresOf(entry.body ?? '')));
  return figures;
}

export function embedContext(entry: Entry, mode: EmbedContext['mode'], pageUrl: string): EmbedContext {
  const file = entry.filePath ?? `content/${entry.collection}/${entry.id}.mdx`;
  return { mode, figures: entryFigures(entry), pageUrl, site: new URL('/', pageUrl).href, owner: chartOwner(entry), file };
}

export async function renderBody(entry: Entry, pageUrl: string): Promise<string> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(entry);
  return (await container).renderToString(Content, { props: { components: embeds }, locals: { embed: embedContext(entry, 'feed', pageUrl) } });
}
