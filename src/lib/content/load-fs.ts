// Loads and validates the publication's content from disk, throwing a ContentError that lists
// every problem. Used by `npm run check`, by the build (before Astro's own loaders) and by the config.
import { ContentError } from '../errors/content-error.ts';
import { readContentFiles } from './content-fs.ts';
import { checkContent, type ContentReport } from './validate.ts';

export function loadContent(root: string): ContentReport & { taxonomy: NonNullable<ContentReport['taxonomy']> } {
  const report = checkContent(readContentFiles(root));
  if (report.problems.length || !report.taxonomy) throw new ContentError(report.problems);
  return { ...report, taxonomy: report.taxonomy };
}
