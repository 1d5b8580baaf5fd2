// The full text of every message a mistake in a dataset's meta file gets: file, line of the key,
// field, and the fix, with did-you-mean for misspelt types and keys (issue 12).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { datasetProblems } from '../../../src/lib/datasets/check-fs.ts';
import { DatasetError } from '../../../src/lib/datasets/errors.ts';
import { readMeta } from '../../../src/lib/datasets/meta.ts';

const file = 'content/data/x.meta.yaml';

// Lines 1 to 6; the columns follow from line 7.
const HEAD = ['title: Capex', 'description: By quarter.', 'license: CC BY 4.0', 'retrieved: 2026-01-15', 'illustrative: true', 'columns:'];
const meta = (...lines: string[]) => [...HEAD, ...lines].join('\n');

function problemsOf(text: string): string[] {
  try {
    readMeta(text, file);
  } catch (error) {
    if (error instanceof DatasetError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a DatasetError, none was thrown');
}

describe('column types', () => {
  test('a misspelt type gets a did-you-mean, the list of types and the line of the column', () => {
    expect(problemsOf(meta('  quarter: { type: date }', '  capex_bn: { type: numbr, unit: USD bn }'))).toEqual([
      'content/data/x.meta.yaml:8: columns.capex_bn.type: unknown type "numbr"; did you mean "number"? Types: number, integer, percent, date, string',
    ]);
  });

  test('in a block mapping the line is the line of `type:` itself', () => {
    expect(problemsOf(meta('  capex_bn:', '    unit: USD bn', '    type: Integer'))).toEqual([
      'content/data/x.meta.yaml:9: columns.capex_bn.type: unknown type "Integer"; did you mean "integer"? Types: number, integer, percent, date, string',
    ]);
  });

  test('a type nothing like one gets the list without a guess', () => {
    expect(problemsOf(meta('  capex_bn: { type: money }'))).toEqual([
      'content/data/x.meta.yaml:7: columns.capex_bn.type: unknown type "money". Types: number, integer, percent, date, string',
    ]);
  });

  test('a column without a type points at the column', () => {
    expect(problemsOf(meta('  capex_bn: { unit: USD bn }'))).toEqual([
      'content/data/x.meta.yaml:7: columns.capex_bn.type: required: add a type such as `type: number`. Types: number, integer, percent, date, string',
    ]);
  });

  test('a column written as its bare type', () => {
    expect(problemsOf(meta('  capex_bn: number', '  company: [string]'))).toEqual([
      'content/data/x.meta.yaml:7: columns.capex_bn: expected a mapping: write `{ type: number }`',
      'content/data/x.meta.yaml:8: columns.company: expected a mapping such as `{ type: number, unit: USD bn }`, received a list of 1',
    ]);
  });
});

describe('misspelt and misplaced keys', () => {
  test('"licence" is one problem with a did-you-mean, not also "license: required"', () => {
    const text = ['title: Capex', 'description: By quarter.', 'licence: CC BY 4.0', 'retrieved: 2026-01-15', 'illustrative: true', 'columns: {}'].join('\n');
    expect(problemsOf(text)).toEqual([
      'content/data/x.meta.yaml:3: licence: unknown field "licence"; did you mean "license"? Allowed fields: title, description, source, license, retrieved, illustrative, missing, skipRows, note, columns, loader, hash',
    ]);
  });

  test('"colums" likewise, while a missing field nobody misspelt is still reported', () => {
    const text = ['title: Capex', 'license: CC BY 4.0', 'retrieved: 2026-01-15', 'illustrative: true', 'colums:', '  capex_bn: { type: number }'].join('\n');
    expect(problemsOf(text)).toEqual([
      'content/data/x.meta.yaml: description: required: add `description: "..."`',
      'content/data/x.meta.yaml:5: colums: unknown field "colums"; did you mean "columns"? Allowed fields: title, description, source, license, retrieved, illustrative, missing, skipRows, note, columns, loader, hash',
    ]);
  });

  test('every unknown key gets its own line, and one with no likely field gets the list only', () => {
    expect(problemsOf([...HEAD, '  capex_bn: { type: number }', 'colour: red', 'skiprows: 1'].join('\n'))).toEqual([
      'content/data/x.meta.yaml:8: colour: unknown field "colour". Allowed fields: title, description, source, license, retrieved, illustrative, missing, skipRows, note, columns, loader, hash',
      'content/data/x.meta.yaml:9: skiprows: unknown field "skiprows"; did you mean "skipRows"? Allowed fields: title, description, source, license, retrieved, illustrative, missing, skipRows, note, columns, loader, hash',
    ]);
  });

  test('a misspelt column field', () => {
    expect(problemsOf(meta('  capex_bn: { type: number, lable: Capex, units: USD bn }'))).toEqual([
      'content/data/x.meta.yaml:7: columns.capex_bn.lable: unknown field "lable"; did you mean "label"? Allowed fields: type, unit, label, format',
      'content/data/x.meta.yaml:7: columns.capex_bn.units: unknown field "units"; did you mean "unit"? Allowed fields: type, unit, label, format',
    ]);
  });

  test('a misspelt source field', () => {
    const text = [
      'title: Capex',
      'description: By quarter.',
      'source:',
      '  name: Company filings',
      '  link: https://example.com/filings',
      'license: CC BY 4.0',
      'retrieved: 2026-01-15',
      'columns: {}',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'content/data/x.meta.yaml:3: source.url: expected an absolute http(s) URL such as https://example.com/report',
      'content/data/x.meta.yaml:5: source.link: unknown field "link". Allowed fields: name, url',
    ]);
  });

  test('a column field indented too little', () => {
    expect(problemsOf(meta('  capex_bn:', '    type: number', 'unit: USD bn'))).toEqual([
      'content/data/x.meta.yaml:9: unit: unknown field "unit": it is a field of a column, so indent it under its column in `columns:`',
    ]);
  });

  test('a source field indented too little', () => {
    const text = [
      'title: Capex',
      'description: By quarter.',
      'source:',
      '  name: Company filings',
      'url: https://example.com/filings',
      'license: CC BY 4.0',
      'retrieved: 2026-01-15',
      'columns: {}',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'content/data/x.meta.yaml:3: source.url: expected an absolute http(s) URL such as https://example.com/report',
      'content/data/x.meta.yaml:5: url: unknown field "url": it is a field of source, so indent it under `source:`',
    ]);
  });

  test('a source written as just its URL', () => {
    const text = [
      'title: Capex',
      'description: By quarter.',
      'source: https://example.com/filings',
      'license: CC BY 4.0',
      'retrieved: 2026-01-15',
      'columns: {}',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'content/data/x.meta.yaml:3: source: expected `source: { name: "...", url: "https://..." }`, received "https://example.com/filings"',
    ]);
  });
});

describe('other fields', () => {
  test('a bad date, skipRows and an empty label each carry their line', () => {
    const text = [
      'title: Capex',
      'description: By quarter.',
      'license: CC BY 4.0',
      'retrieved: 2026-13-01',
      'illustrative: true',
      'skipRows: -1',
      'columns:',
      '  capex_bn: { type: number, label: "" }',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'content/data/x.meta.yaml:4: retrieved: expected a date as YYYY-MM-DD such as 2026-03-14, received "2026-13-01"',
      'content/data/x.meta.yaml:6: skipRows: expected 0 or more rows to skip after the header',
      'content/data/x.meta.yaml:8: columns.capex_bn.label: must not be empty: write the label, or remove the line',
    ]);
  });

  test('columns written as a list', () => {
    expect(problemsOf(meta('  - capex_bn: { type: number }'))).toEqual([
      'content/data/x.meta.yaml:6: columns: expected each column by its name, such as `columns: { capex_bn: { type: number } }`, received a list of 1',
    ]);
  });
});

describe('column formats', () => {
  test('a date format on an integer column', () => {
    expect(problemsOf(meta('  year: { type: integer, format: "%Y" }'))).toEqual([
      'content/data/x.meta.yaml:7: columns.year.format: "%Y" is a date format, but the column is integer: write "d" for plain whole numbers such as years, or declare `type: date` if the values are dates',
    ]);
  });

  test('an unknown number format type, a broken date format and a format on a text column', () => {
    expect(
      problemsOf(
        meta('  twh: { type: number, format: ",.1z" }', '  quarter: { type: date, format: "%Y Q%" }', '  company:', '    type: string', '    format: d'),
      ),
    ).toEqual([
      'content/data/x.meta.yaml:7: columns.twh.format: ",.1z" is not a number format: unknown type "z" (use one of e f g r s % p b o d x X c n); use a d3-format specifier such as ",.1f", "$,.0f" or ".2s"',
      'content/data/x.meta.yaml:8: columns.quarter.format: "%Y Q%" is not a date format: unknown directive at "%"; use a d3-time-format specifier such as "%Y", "%b %Y" or "%Y Q%q"',
      'content/data/x.meta.yaml:11: columns.company.format: "d" cannot format a text column: remove `format`, or give the column a number or date type',
    ]);
  });

  test('a number format on a date column', () => {
    expect(problemsOf(meta('  quarter: { type: date, format: ",.0f" }'))).toEqual([
      'content/data/x.meta.yaml:7: columns.quarter.format: ",.0f" is not a date format: it has no %-directive such as %Y or %b; use a d3-time-format specifier such as "%Y", "%b %Y" or "%Y Q%q"',
    ]);
  });

  test('"%" on a percent column, which would print 61 as 6100%', () => {
    expect(problemsOf(meta('  share: { type: percent, format: ".0%" }', '  margin: { type: percent, format: ".2p" }'))).toEqual([
      'content/data/x.meta.yaml:7: columns.share.format: ".0%" multiplies by 100, but a percent column holds percentage points (61 for 61%): write ".0f", and the % unit is added',
      'content/data/x.meta.yaml:8: columns.margin.format: ".2p" multiplies by 100, but a percent column holds percentage points (61 for 61%): write ".2r", and the % unit is added',
    ]);
  });

  test('the formats the sample data uses are accepted', () => {
    const text = meta(
      '  quarter: { type: date, format: "%Y Q%q" }',
      '  year: { type: integer, format: "d" }',
      '  twh: { type: number, format: ",.1f" }',
      '  share: { type: percent, format: ".1f" }',
    );
    expect(readMeta(text, file).meta.columns).toEqual({
      quarter: { type: 'date', format: '%Y Q%q' },
      year: { type: 'integer', format: 'd' },
      twh: { type: 'number', format: ',.1f' },
      share: { type: 'percent', format: '.1f' },
    });
  });
});

describe('illustrative and source', () => {
  const sourced = (illustrative: string[]) =>
    [
      'title: Capex',
      'description: By quarter.',
      ...illustrative,
      'source: { name: Company filings, url: "https://example.com/filings" }',
      'license: CC BY 4.0',
      'retrieved: 2026-01-15',
      'columns: {}',
    ].join('\n');

  test('illustrative: true with a source loads, with a warning at the source line', () => {
    const report = readMeta(sourced(['illustrative: true']), file);
    expect(report.warnings).toEqual([
      'content/data/x.meta.yaml:4: source: this dataset is marked illustrative: true but names a source; remove one (illustrative means the figures are not from a public source)',
    ]);
    expect(report.meta.illustrative).toBe(true);
  });

  test('a source alone, or illustrative alone, warns of nothing', () => {
    expect(readMeta(sourced([]), file).warnings).toEqual([]);
    expect(readMeta(sourced(['illustrative: false']), file).warnings).toEqual([]);
    expect(readMeta(meta('  capex_bn: { type: number }'), file).warnings).toEqual([]);
  });
});

describe('datasetProblems over a folder', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  function folder(files: Record<string, string>): string {
    root = mkdtempSync(path.join(tmpdir(), 'substation-meta-'));
    mkdirSync(path.join(root, 'content/data'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'content/data', name), text);
    return root;
  }

  test('a meta column missing from the CSV header gets its line; warnings are kept apart from problems', () => {
    const dir = folder({
      'capex.csv': 'quarter,capex_bn\n2024 Q1,10\n',
      'capex.meta.yaml': meta('  quarter: { type: date }', '  capex_b: { type: number }'),
      'filed.csv': 'year,gw\n2024,1\n',
      'filed.meta.yaml': [
        'title: Filed',
        'description: By year.',
        'illustrative: true',
        'source:',
        '  name: A report',
        '  url: https://example.com/r',
        'license: CC0',
        'retrieved: 2026-01-15',
        'columns:',
        '  year: { type: integer }',
        '  gw: { type: number }',
      ].join('\n'),
    });
    expect(datasetProblems(dir)).toEqual({
      problems: [
        'content/data/capex.meta.yaml:8: columns.capex_b: no column "capex_b" in content/data/capex.csv; did you mean "capex_bn"? Columns: quarter, capex_bn (column names in the meta must match the CSV header exactly)',
      ],
      warnings: [
        'content/data/filed.meta.yaml:4: source: this dataset is marked illustrative: true but names a source; remove one (illustrative means the figures are not from a public source)',
      ],
      count: 2,
    });
  });

  test('the sample datasets in content/data load with no problems and no warnings', () => {
    const repo = fileURLToPath(new URL('../../..', import.meta.url));
    const report = datasetProblems(repo);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.count).toBeGreaterThan(0);
  });
});
