import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../../src/lib/datasets/csv.ts';
import { load } from './helpers.ts';

const columns = { year: { type: 'integer' }, twh: { type: 'number', unit: 'TWh' } } as const;

describe('parseCsv', () => {
  test('drops a UTF-8 BOM so the first header is clean', () => {
    expect(parseCsv('\ufeffyear,twh\n2020,1\n', 'x.csv').header).toEqual(['year', 'twh']);
  });

  test.each([
    ['LF', 'year,twh\n2020,1\n2021,2\n'],
    ['CRLF', 'year,twh\r\n2020,1\r\n2021,2\r\n'],
    ['CR only (old Mac)', 'year,twh\r2020,1\r2021,2'],
  ])('reads %s line endings', (_, text) => {
    const table = parseCsv(text, 'x.csv');
    expect(table.records.map((r) => r.cells)).toEqual([
      ['2020', '1'],
      ['2021', '2'],
    ]);
  });

  test('keeps commas and line breaks inside quoted fields, and numbers rows by record', () => {
    const table = parseCsv('name,notes\n"a, b","line 1\nline 2"\nc,"say ""hi"""\n', 'x.csv');
    expect(table.records).toEqual([
      { row: 2, line: 2, cells: ['a, b', 'line 1\nline 2'] },
      { row: 3, line: 4, cells: ['c', 'say "hi"'] },
    ]);
  });
});

describe('typing cells', () => {
  test('blank cells are null, never 0', () => {
    const d = load('year,twh\n2020,\n2021, \n2022,3\n', { columns });
    expect(d.rows.map((r) => r.twh)).toEqual([null, null, 3]);
  });

  test('declared missing-value markers are null', () => {
    const d = load('year,twh\n2020,n/a\n2021,--\n2022,4\n', { columns, missing: ['n/a', '--'] });
    expect(d.rows.map((r) => r.twh)).toEqual([null, null, 4]);
  });

  test('a single missing marker may be written without a list', () => {
    expect(load('year,twh\n2020,Not Available\n', { columns, missing: 'Not Available' }).rows[0]!.twh).toBeNull();
  });

  test('skips fully blank rows and a units row after the header', () => {
    const d = load('year,twh\n,(terawatt-hours)\n2020,1\n\n,\n2021,2\n', { columns, skipRows: 1 });
    expect(d.rows).toEqual([
      { year: 2020, twh: 1 },
      { year: 2021, twh: 2 },
    ]);
  });

  test('numbers: thousands separators, signs, scientific notation', () => {
    const d = load('year,twh\n2020,"45,000"\n2021,-1.5\n2022,3.6912e+16\n2023,+0.25\n', { columns });
    expect(d.rows.map((r) => r.twh)).toEqual([45000, -1.5, 3.6912e16, 0.25]);
  });

  test('percent cells with or without the sign, in percentage points', () => {
    const d = load('who,share\nUSA,61%\nTWN,0.78 %\nKOR,6\n', { columns: { who: { type: 'string' }, share: { type: 'percent' } } });
    expect(d.rows.map((r) => r.share)).toEqual([61, 0.78, 6]);
    expect(d.columns[1]).toMatchObject({ unit: '%' });
  });

  test('dates in the forms real files use, all in UTC', () => {
    const text = 'when\n2024\n2024-03\n2024-03-31\n2024 Q2\nQ3 2024\n1976 January\nSept 2024\n2023-05-01T10:00:00+00:00\n';
    const d = load(text, { columns: { when: { type: 'date' } } });
    expect(d.rows.map((r) => (r.when as Date).toISOString())).toEqual([
      '2024-01-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
      '2024-04-01T00:00:00.000Z',
      '2024-07-01T00:00:00.000Z',
      '1976-01-01T00:00:00.000Z',
      '2024-09-01T00:00:00.000Z',
      '2023-05-01T10:00:00.000Z',
    ]);
  });

  test('columns not in the meta are kept as text; trailing empty columns are dropped', () => {
    const d = load('year,twh,comment,\n2020,1,"first, estimate",\n', { columns });
    expect(d.columns.map((c) => [c.name, c.type])).toEqual([
      ['year', 'integer'],
      ['twh', 'number'],
      ['comment', 'string'],
    ]);
    expect(d.rows[0]).toEqual({ year: 2020, twh: 1, comment: 'first, estimate' });
  });
});
