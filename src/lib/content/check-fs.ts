// The whole content check from disk, as `npm run check`, the build and the dev server run it: every
// essay, issue (frontmatter and body), author, dataset, the taxonomy and the news store's shards.
// The dev server asks on every page request, so the result is kept until a file under content/
// changes (by size and mtime).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { datasetProblems } from '../datasets/check-fs.ts';
import { newsStoreProblems } from '../news/store-fs.ts';
import { readContentFiles } from './content-fs.ts';
import { checkContent, type ContentReport } from './validate.ts';

export interface ProjectReport extends ContentReport {
  warnings: string[];
  datasets: number;
  /** Items read from the news store's valid shards. */
  news: number;
}

export function checkProject(root: string): ProjectReport {
  const report = checkContent(readContentFiles(root));
  const data = datasetProblems(root) as { problems: string[]; count: number; warnings?: string[] };
  const news = newsStoreProblems(root);
  return { ...report, problems: [...report.problems, ...data.problems, ...news.problems], warnings: data.warnings ?? [], datasets: data.count, news: news.items };
}

const WATCHED = ['content/essays', 'content/issues', 'content/authors', 'content/data', 'content/news'];

/** Sizes and mtimes of every content file the check reads: equal stamps, equal results. */
export function contentStamp(root: string): string {
  const parts: string[] = [];
  for (const file of ['content/taxonomy.yaml', ...WATCHED.flatMap((dir) => list(root, dir))]) {
    try {
      const s = statSync(join(root, file));
      parts.push(`${file}:${s.size}:${s.mtimeMs}`);
    } catch {
      parts.push(`${file}:-`);
    }
  }
  return parts.join('\n');
}

function list(root: string, dir: string): string[] {
  try {
    return readdirSync(join(root, dir)).sort().map((name) => `${dir}/${name}`);
  } catch {
    return [];
  }
}

let last: { root: string; stamp: string; report: ProjectReport } | undefined;

/** checkProject, reused while no content file has changed. */
export function checkProjectCached(root: string): ProjectReport {
  const stamp = contentStamp(root);
  if (last?.root === root && last.stamp === stamp) return last.report;
  const report = checkProject(root);
  last = { root, stamp, report };
  return report;
}
