// Quarters from XBRL facts in EDGAR's company-facts format (test/fixtures/loaders/edgar: synthetic
// figures, real shape): year-to-date cash flows, a 10-K's Q4, a restated comparative, a June fiscal
// year placed on calendar quarters, a filing that is not a 10-Q or 10-K, and quarters that cannot be had.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { calendarQuarter, quarterlyFigures, type Fact } from '../../../src/lib/loaders/connectors/edgar-quarters.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/loaders/edgar');
function facts(file: string, concept: string): Fact[] {
  const doc = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8'));
  return doc.facts['us-gaap'][concept].units.USD.map((f: Omit<Fact, 'concept' | 'priority'>) => ({ ...f, concept, priority: 0 }));
}
const bn = (n: number) => Math.round(n / 1e8) / 10;
const brief = (report: ReturnType<typeof quarterlyFigures>) =>
  report.quarters.map((q) => `${q.calendar} FY${q.fiscalYear} Q${q.fiscalQuarter} ${bn(q.value)}${q.derived ? ' derived' : ''} ${q.form}`);

describe('a fiscal year ending in June, capex reported year to date', () => {
  const report = quarterlyFigures(facts('CIK0000789019.json', 'PaymentsToAcquirePropertyPlantAndEquipment'));

  test('every quarter: three-month facts as reported, the rest by subtraction, Q4 from the 10-K', () => {
    expect(brief(report)).toEqual([
      '2022 Q3 FY2023 Q1 6 10-Q',
      '2022 Q4 FY2023 Q2 6.7 derived 10-Q', // 12.7 (restated six months) - 6.0
      '2023 Q1 FY2023 Q3 6.8 derived 10-Q', // 19.5 - 12.7
      '2023 Q2 FY2023 Q4 8.5 derived 10-K', // 28.0 - 19.5: the year less the first three quarters
      '2023 Q3 FY2024 Q1 9 10-Q',
      '2023 Q4 FY2024 Q2 10 derived 10-Q',
      '2024 Q1 FY2024 Q3 11 derived 10-Q',
      '2024 Q2 FY2024 Q4 12 derived 10-K',
      '2024 Q3 FY2025 Q1 13 10-Q',
    ]);
    expect(report.missing).toEqual([]);
  });

  test('a comparative that restates a period wins, and the restatement is reported', () => {
    expect(report.restated).toEqual([{ start: '2022-07-01', end: '2022-12-31', from: 12_500_000_000, to: 12_700_000_000, filed: '2024-01-30' }]);
    expect(report.quarters[1]).toMatchObject({ accn: '0000950170-24-008814', filed: '2024-01-30' });
  });
});

test('revenue with three-month facts and no nine months: Q4 is the year less the three quarters', () => {
  const report = quarterlyFigures(facts('CIK0000789019.json', 'RevenueFromContractWithCustomerExcludingAssessedTax'));
  expect(brief(report)).toEqual(['2023 Q3 FY2024 Q1 50 10-Q', '2023 Q4 FY2024 Q2 55 10-Q', '2024 Q1 FY2024 Q3 60 10-Q', '2024 Q2 FY2024 Q4 65 derived 10-K']);
});

test('a missing 10-Q leaves its quarter and the next unknown, says so, and ignores an 8-K', () => {
  const report = quarterlyFigures(facts('CIK0001326801.json', 'PaymentsToAcquirePropertyPlantAndEquipment'));
  expect(brief(report)).toEqual(['2023 Q1 FY2023 Q1 7 10-Q', '2023 Q4 FY2023 Q4 8 derived 10-K']);
  expect(report.missing).toEqual(['2023 Q2', '2023 Q3']);
});

test('a tag listed first wins over a later one for the same period and filing', () => {
  const base = { start: '2024-01-01', end: '2024-03-31', accn: 'a', form: '10-Q', filed: '2024-04-30' };
  const report = quarterlyFigures([
    { ...base, val: 2, concept: 'PaymentsToAcquireProductiveAssets', priority: 1 },
    { ...base, val: 1, concept: 'PaymentsToAcquirePropertyPlantAndEquipment', priority: 0 },
  ]);
  expect(report.quarters.map((q) => [q.value, q.tag])).toEqual([[1, 'PaymentsToAcquirePropertyPlantAndEquipment']]);
  expect(report.restated).toEqual([]);
});

test('52- and 53-week years land on the calendar quarter of their midpoint', () => {
  expect(calendarQuarter('2022-12-25', '2023-04-01')).toBe('2023 Q1'); // a quarter ending on the first of April
  expect(calendarQuarter('2023-10-30', '2024-01-28')).toBe('2023 Q4'); // a fiscal Q4 ending in late January
  expect(calendarQuarter('2024-06-30', '2024-09-28')).toBe('2024 Q3');
});
