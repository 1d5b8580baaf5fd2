// The full text of what a mistake in a meta file's `loader:` gets: the line of the key, the field,
// and the fix, as for the rest of the meta (issue 12's rules).
import { expect, test } from 'vitest';
import { DatasetError } from '../../../src/lib/datasets/errors.ts';
import { readMeta } from '../../../src/lib/datasets/meta.ts';

const HEAD = [
  'title: T',
  'description: D.',
  'source: { name: N, url: "https://example.com/" }',
  'license: L',
  'retrieved: 2026-01-15',
  'columns:',
  '  year: { type: integer }',
  'loader:',
];
function problems(...lines: string[]): string[] {
  try {
    readMeta([...HEAD, ...lines].join('\n'), 'content/data/x.meta.yaml');
  } catch (error) {
    if (error instanceof DatasetError) return [...error.problems];
    throw error;
  }
  return [];
}

test('a valid loader reads, with its columns as objects', () => {
  const meta = readMeta([...HEAD, '  connector: csv', '  url: https://example.com/x.csv', '  columns: { year: Year }'].join('\n'), 'x.meta.yaml').meta;
  expect(meta.loader).toEqual({ connector: 'csv', url: 'https://example.com/x.csv', columns: { year: { from: 'Year' } } });
});

test('a misspelt connector gets a did-you-mean and the list', () => {
  expect(problems('  connector: edgr', '  columns: { year: Year }')).toEqual([
    'content/data/x.meta.yaml:9: loader.connector: unknown connector "edgr"; did you mean "edgar"? Connectors: csv, json, owid, eia, edgar, module',
  ]);
});

test('a field of another connector, and one the connector needs, are named as such', () => {
  expect(problems('  connector: csv', '  url: https://example.com/x.csv', '  route: electricity/retail-sales', '  columns: { year: Year }')).toEqual([
    'content/data/x.meta.yaml:11: loader.route: `route` is a field of the eia connector, not of csv: remove it, or change the connector',
  ]);
  expect(problems('  connector: eia', '  columns: { year: period }')).toEqual([
    'content/data/x.meta.yaml:8: loader.route: required by the eia connector',
    'content/data/x.meta.yaml:8: loader.data: required by the eia connector',
  ]);
});

test('a misspelt loader field, or column field, gets a did-you-mean', () => {
  expect(problems('  connector: csv', '  url: https://example.com/x.csv', '  colums: { year: Year }', '  columns: { year: { from: Year, scal: 2 } }')).toEqual([
    'content/data/x.meta.yaml:12: loader.columns.year.scal: unknown field "scal"; did you mean "scale"? Allowed fields: from, scale, digits, date',
    'content/data/x.meta.yaml:11: loader.colums: unknown field "colums"; did you mean "columns"? Allowed fields: ' +
      'connector, url, skipRows, missing, path, entities, route, frequency, data, facets, start, end, base, companies, concepts, unit, since, module, where, melt, columns, required, key, sort, provenance',
  ]);
});

test('a key column the loader does not write', () => {
  expect(problems('  connector: csv', '  url: https://example.com/x.csv', '  columns: { year: Year }', '  key: [yaer]')).toEqual([
    'content/data/x.meta.yaml:12: loader.key[0]: "yaer" is not one of the loader\'s columns; did you mean "year"? Columns: year',
  ]);
});

test('an illustrative dataset with a loader must say what it will cite', () => {
  const text = [
    'title: T',
    'description: D.',
    'license: L',
    'retrieved: 2026-01-15',
    'illustrative: true',
    'columns: {}',
    'loader:',
    '  connector: csv',
    '  url: https://example.com/x.csv',
    '  columns: { year: Year }',
  ].join('\n');
  expect(() => readMeta(text, 'content/data/x.meta.yaml')).toThrow(
    'content/data/x.meta.yaml:7: loader.provenance: required for an illustrative dataset with a loader: add `provenance: { source: "...", license: "..." }`',
  );
});
