// The full text of every dataset error an author can meet, hint included.
import { describe, expect, test } from 'vitest';
import { parseMeta } from '../../../src/lib/datasets/meta.ts';
import { parseCsv, unclosedQuoteLine } from '../../../src/lib/datasets/csv.ts';
import { load, messageOf } from './helpers.ts';

const columns = { quarter: { type: 'date' }, capex_bn: { type: 'number', unit: 'USD bn' } } as const;
const rows = (cells: string[]) => ['quarter,capex_bn', ...cells].join('\n');

describe('CSV cell errors', () => {
  test('a text marker in a number column, as the issue words it', () => {
    const csv = rows([
      '2023 Q1,10',
      '2023 Q2,11',
      '2023 Q3,12',
      '2023 Q4,13',
      '2024 Q1,14',
      '2024 Q2,15',
      '2024 Q3,16',
      '2024 Q4,17',
      '2025 Q1,18',
      '2025 Q2,n/a',
    ]);
    const message = messageOf(() => load(csv, { columns }));
    expect(message).toContain('content/data/capex.csv: row 11, column "capex_bn": expected number, found "n/a"');
    expect(message).toMatchSnapshot();
  });

  test('a number with a unit inside', () => {
    expect(messageOf(() => load(rows(['2024 Q1,"45,000 km"']), { columns }))).toMatchSnapshot();
  });

  test('a date that is not one', () => {
    expect(messageOf(() => load(rows(['sometime,1']), { columns }))).toMatchSnapshot();
  });

  test('an integer with a fraction', () => {
    expect(messageOf(() => load('n\n1.5\n', { columns: { n: { type: 'integer' } } }))).toMatchSnapshot();
  });

  test('a row that spans two lines reports both its row and its line', () => {
    const csv = 'name,mw\n"Campus A\n(phase 1)",100\nCampus B,abc\n';
    expect(messageOf(() => load(csv, { columns: { name: { type: 'string' }, mw: { type: 'number' } } }))).toMatchSnapshot();
  });

  test('many bad cells: one line each, cut after twenty', () => {
    const csv = rows(Array.from({ length: 25 }, (_, i) => `${2000 + i},x${i}`));
    expect(messageOf(() => load(csv, { columns }))).toMatchSnapshot();
  });

  test('a row with more cells than the header', () => {
    expect(messageOf(() => load(rows(['2024 Q1,1,2']), { columns }))).toMatchSnapshot();
  });
});

describe('header errors', () => {
  test('a declared column missing from the header, with a suggestion', () => {
    expect(messageOf(() => load(rows(['2024 Q1,1']), { columns: { ...columns, capex_b: { type: 'number' } } }))).toMatchSnapshot();
  });

  test('duplicate and nameless columns', () => {
    expect(messageOf(() => load('a,a,\n1,2,3\n', { columns: {} }))).toMatchSnapshot();
  });

  test('an unclosed quote', () => {
    expect(messageOf(() => parseCsv('a,b\n"1,2\n', 'content/data/capex.csv'))).toMatchSnapshot();
  });

  test('an empty file', () => {
    expect(messageOf(() => parseCsv('', 'content/data/capex.csv'))).toMatchSnapshot();
  });
});

describe('meta errors', () => {
  const file = 'content/data/capex.meta.yaml';

  test('broken YAML points at the line', () => {
    expect(messageOf(() => parseMeta('title: "x\ncolumns: [', file))).toMatchSnapshot();
  });

  test('not a mapping', () => {
    expect(messageOf(() => parseMeta('- a\n- b\n', file))).toMatchSnapshot();
  });

  test('missing fields, a bad date, a bad type and an unknown field', () => {
    const yaml = ['title: Capex', 'license: CC BY 4.0', 'retrieved: 2026-13-01', 'columns:', '  capex_bn: { type: money }', 'colour: red'].join('\n');
    expect(messageOf(() => parseMeta(yaml, file))).toMatchSnapshot();
  });

  test('figures without a source must say they are illustrative', () => {
    const yaml = ['title: Capex', 'description: By quarter.', 'license: CC BY 4.0', 'retrieved: 2026-01-15', 'columns: {}'].join('\n');
    expect(messageOf(() => parseMeta(yaml, file))).toMatchSnapshot();
  });

  test('a valid meta reads dates, defaults and a single missing marker', () => {
    const yaml = [
      'title: Capex',
      'description: By quarter.',
      'license: CC BY 4.0',
      'retrieved: 2026-01-15',
      'illustrative: true',
      'missing: n/a',
      'columns:',
      '  capex_bn: { type: number, unit: USD bn }',
    ].join('\n');
    expect(parseMeta(yaml, file)).toEqual({
      title: 'Capex',
      description: 'By quarter.',
      license: 'CC BY 4.0',
      retrieved: new Date('2026-01-15'),
      illustrative: true,
      missing: ['n/a'],
      skipRows: 0,
      columns: { capex_bn: { type: 'number', unit: 'USD bn' } },
    });
  });
});

describe('the line of an unclosed quote', () => {
  test('is where the quote opened, not where the file ends', () => {
    const csv = 'year,supplier,share\n2022,SK hynix,50%\n2023,"SK hynix,53%\n2024,Samsung,40%\n2025,Micron,10%\n';
    expect(unclosedQuoteLine(csv)).toBe(3);
    expect(messageOf(() => parseCsv(csv, 'content/data/hbm-share.csv'))).toContain(
      'content/data/hbm-share.csv: not a readable CSV: a quoted field opened on line 3 is never closed',
    );
  });

  test('reads closed quotes, doubled quotes and line breaks inside quotes as closed', () => {
    expect(unclosedQuoteLine('a,b\n"x, y",2\n"say ""hi""",3\n"two\nlines",4\n')).toBeUndefined();
    expect(unclosedQuoteLine('a,b\n"two\nlines",4\n5,"six\n')).toBe(4);
    // A quote inside an unquoted field is a character, not an opening.
    expect(unclosedQuoteLine('a,b\n5 " wide,2\n')).toBeUndefined();
  });
});
