// The shaping steps on rows as connectors give them: filter as embeds do, melt, rename, convert
// units, round away float noise, normalise dates, drop empty rows, sort; and a missing column named.
import { expect, test } from 'vitest';
import { toCsv } from '../../../src/lib/loaders/csv-out.ts';
import { diffCsv, summarize } from '../../../src/lib/loaders/diff.ts';
import { loaderSchema } from '../../../src/lib/loaders/loader-schema.ts';
import type { SourceTable } from '../../../src/lib/loaders/table.ts';
import { round, shape } from '../../../src/lib/loaders/transform.ts';

const table: SourceTable = {
  url: 'https://example.com/x.csv',
  columns: ['Country', 'Year', 'Coal (TWh)', 'Gas (TWh)', 'Bytes'],
  rows: [
    { Country: 'World', Year: '1999', 'Coal (TWh)': '1', 'Gas (TWh)': '2', Bytes: '1e12' },
    { Country: 'World', Year: '2000', 'Coal (TWh)': '0.466999999999999', 'Gas (TWh)': null, Bytes: '3.35e12' },
    { Country: 'Chile', Year: '2001', 'Coal (TWh)': '3', 'Gas (TWh)': '4', Bytes: '7370000000000.0' },
  ],
};
const loader = (spec: object) => loaderSchema.parse({ connector: 'csv', url: 'https://example.com/x.csv', ...spec });

test('where, melt, columns and required, in that order', () => {
  const out = shape(
    table,
    loader({
      where: { Year: '>= 2000' },
      melt: { name: 'source', value: 'twh', columns: { Coal: 'Coal (TWh)', Gas: 'Gas (TWh)' } },
      columns: { year: 'Year', entity: 'Country', source: 'source', twh: { from: 'twh', digits: 2 } },
      required: ['twh'],
      sort: ['entity', 'year'],
    }),
  );
  expect(toCsv(out)).toBe('year,entity,source,twh\n2001,Chile,Coal,3\n2001,Chile,Gas,4\n2000,World,Coal,0.47\n');
});

test('unit conversion without float noise, and dates at a grain', () => {
  const out = shape(table, loader({ columns: { tbs: { from: 'Bytes', scale: 1e-12 }, year: { from: 'Year', date: 'quarter' } } }));
  expect(out.rows).toEqual([
    { tbs: 1, year: '1999 Q1' },
    { tbs: 3.35, year: '2000 Q1' },
    { tbs: 7.37, year: '2001 Q1' },
  ]);
  expect([round(1.005, 2), round(0.466999999999999, 1), round(2.5, 0)]).toEqual([1.01, 0.5, 3]);
});

test('a column the source no longer has is named, with a did-you-mean and the columns it has', () => {
  expect(() => shape(table, loader({ columns: { gas: 'Gas (Twh)' } }))).toThrow(
    'no column "Gas (Twh)" in the source (asked for by loader.columns.gas); did you mean "Gas (TWh)"? Columns: Country, Year, Coal (TWh), Gas (TWh), Bytes',
  );
  expect(() => shape(table, loader({ where: { Region: 'World' }, columns: { y: 'Year' } }))).toThrow(
    'no column "Region" in the source (asked for by loader.where.Region). Columns:',
  );
});

test('a cell that cannot be converted names its row and column', () => {
  const bad = { ...table, rows: [{ ...table.rows[0]!, Bytes: 'n/a' }] };
  expect(() => shape(bad, loader({ columns: { tbs: { from: 'Bytes', scale: 1e-12 } } }))).toThrow(
    'source row 1, column "Bytes": expected a number to convert, found "n/a"',
  );
});

test('the report counts rows added and removed and values revised, by key', () => {
  const before = 'year,source,twh\n2000,Coal,1\n2000,Gas,2\n2001,Coal,3\n';
  const after = 'year,source,twh\n2000,Coal,1.5\n2000,Gas,2\n2002,Coal,4\n2002,Gas,5\n';
  const diff = diffCsv(before, after, ['year', 'source']);
  expect(summarize(diff)).toBe('2 rows added, 1 row removed, 1 value revised');
  expect(diff.revisions).toEqual([{ key: 'year=2000, source=Coal', column: 'twh', from: '1', to: '1.5' }]);
});

test('CSV fields are quoted only when they must be', () => {
  expect(
    toCsv({
      columns: ['a', 'b'],
      rows: [
        { a: 'x, y', b: 'say "hi"' },
        { a: null, b: 1e21 },
      ],
    }),
  ).toBe('a,b\n"x, y","say ""hi"""\n,1e+21\n');
});
