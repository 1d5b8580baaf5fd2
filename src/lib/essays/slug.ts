// An essay's slug is its file name: stable, visible in the repo, and what `npm run new` writes.
import { slug } from 'github-slugger';

/** "content/essays/The-Foundry.mdx" -> "the-foundry". */
export function slugFromFile(file: string): string {
  const name = file.split('/').pop() ?? file;
  return slugify(name.replace(/\.(mdx|md)$/i, ''));
}

/** A URL-safe slug from a title: "HBM & the Memory Wall" -> "hbm-the-memory-wall". */
export function slugify(title: string): string {
  return slug(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
