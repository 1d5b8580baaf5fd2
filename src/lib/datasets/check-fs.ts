// Every dataset in content/data loaded and checked, as problem lines for `npm run check` and the
// build's content check: a bad cell or meta file is reported before the build, not by a stack trace.
// Warnings (the dataset loads, but something in it is probably a mistake) are kept apart from problems.
import { listDatasetNames, loadDataset } from './dataset-fs.ts';
import { DatasetError } from './errors.ts';

export interface DatasetReport {
  /** Errors: the dataset does not load. */
  problems: string[];
  /** Things that load but are probably a mistake, e.g. an illustrative dataset that names a source. */
  warnings: string[];
  /** Datasets checked. */
  count: number;
}

export function datasetProblems(root: string): DatasetReport {
  const names = listDatasetNames({ root });
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    try {
      warnings.push(...loadDataset(name, { root }).warnings);
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      problems.push(...error.problems.map((p, i) => (i === error.problems.length - 1 && error.hint ? `${p} (${error.hint})` : p)));
    }
  }
  return { problems, warnings, count: names.length };
}
