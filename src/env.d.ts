// Types Astro's own files do not give: what pages put in Astro.locals for the embeds.
declare namespace App {
  interface Locals {
    embed?: import('./lib/embeds/context.ts').EmbedContext;
  }
}

// For plain `tsc`, which cannot read .astro files: a component import is an Astro component.
// `astro check` resolves .astro imports to the real components and their props, and ignores this.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
