// An essay's or issue's body as HTML outside a page, for the feeds and the email: Astro's container
// API over the same MDX pipeline as the pages, with the same components mapping. One container per build.
import { render, type CollectionEntry } from 'astro:content';
import { loadRenderers } from 'astro:container';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { embeds } from '../components/embeds/index.ts';

let container: Promise<AstroContainer> | undefined;

export async function renderBody(entry: CollectionEntry<'essays'> | CollectionEntry<'issues'>): Promise<string> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(entry);
  return (await container).renderToString(Content, { props: { components: embeds } });
}
