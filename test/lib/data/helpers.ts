// Builds a dataset from inline CSV text and a meta object, as content/data/<name>.* would.
import { buildDataset, type Dataset } from '../../../src/lib/datasets/dataset.ts';
import { datasetMetaSchema, type DatasetMetaInput } from '../../../src/lib/schema/dataset.ts';

export const baseMeta = {
  title: 'Test data',
  description: 'Rows for a test.',
  license: 'CC0',
  retrieved: '2026-01-15',
  illustrative: true,
} as const;

export function load(csv: string, meta: Partial<DatasetMetaInput> & Pick<DatasetMetaInput, 'columns'>, name = 'capex'): Dataset {
  return buildDataset({
    name,
    csv,
    file: `content/data/${name}.csv`,
    metaFile: `content/data/${name}.meta.yaml`,
    meta: datasetMetaSchema.parse({ ...baseMeta, ...meta }),
  });
}

/** The message of the error `fn` throws, for snapshotting its full text. */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('expected an error, none was thrown');
}
