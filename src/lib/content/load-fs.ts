// Loads and validates the publication's content from disk, throwing a ContentError that lists
// every problem. Used by `npm run check`, by the build (before Astro's own loaders) and by the config.
import { ContentError } from '../errors/content-error.ts';
import { readContentFiles } from './content-fs.ts';
import { checkContent, type ContentReport } from './validate.ts';
import { datasetProblems } from '../data/check-fs.ts';

export function loadContent(root: string): ContentReport & { taxonomy: NonNullable<ContentReport['taxonomy']> } {
  const report = checkContent(readContentFiles(root));
  const problems = [...report.problems, ...datasetProblems(root).problems];
  if (problems.length || !report.taxonomy) throw new ContentError(problems);
  return { ...report, taxonomy: report.taxonomy };
}
