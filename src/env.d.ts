// Types Astro's own files do not give: what pages put in Astro.locals for the embeds.
declare namespace App {
  interface Locals {
    embed?: import('./lib/embeds/context.ts').EmbedContext;
  }
}
