// Every dataset in content/data loaded and checked, as problem lines for `npm run check` and the
// build's content check: a bad cell or meta file is reported before the build, not by a stack trace.
import { listDatasetNames, readDataset } from './dataset-fs.ts';
import { DatasetError } from './errors.ts';

export function datasetProblems(root: string): { problems: string[]; count: number } {
  const names = listDatasetNames({ root });
  const problems: string[] = [];
  for (const name of names) {
    try {
      readDataset(name, { root });
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      problems.push(...error.problems.map((p, i) => (i === error.problems.length - 1 && error.hint ? `${p} (${error.hint})` : p)));
    }
  }
  return { problems, count: names.length };
}
