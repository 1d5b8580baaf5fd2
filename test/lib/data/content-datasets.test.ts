// Every dataset the site publishes loads, and says where its figures come from.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fsLookup, listDatasetNames, readDataset } from '../../../src/lib/datasets/dataset-fs.ts';
import { messageOf } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const names = listDatasetNames({ root });

describe('content/data', () => {
  test('holds the sample datasets', () => expect(names.length).toBeGreaterThanOrEqual(4));

  for (const name of names) {
    test(name, () => {
      const d = readDataset(name, { root });
      expect(d.rows.length).toBeGreaterThan(0);
      expect(d.meta.illustrative || Boolean(d.meta.source?.url)).toBe(true);
      for (const column of Object.keys(d.meta.columns)) expect(d.columns.some((c) => c.name === column)).toBe(true);
    });
  }

  test('an unknown dataset name lists the ones there are', () => {
    expect(messageOf(() => readDataset('capex', { root }))).toMatch(/^EmbedError: unknown dataset "capex": no file content\/data\/capex.csv\. Datasets: /);
    expect(fsLookup({ root }).names()).toEqual(names);
  });
});
