import { describe, expect, it } from 'vitest';
import { xTicks } from '../../../src/lib/charts/axis.ts';

const quarters = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2023 + Math.floor(i / 4), (i % 4) * 3, 1)));
const quarter = (v: unknown) => {
  const d = v as Date;
  return `${d.getUTCFullYear()} Q${d.getUTCMonth() / 3 + 1}`;
};

describe('xTicks', () => {
  it('thins twelve quarters to labels that fit side by side', () => {
    const ticks = xTicks(quarters, quarter, 520) as Date[];
    expect(ticks.map(quarter)).toEqual(['2023 Q1', '2023 Q3', '2024 Q1', '2024 Q3', '2025 Q1', '2025 Q3']);
  });
  it('keeps every year when there is room and thins them when there is not', () => {
    const years = Array.from({ length: 11 }, (_, i) => 2016 + i);
    expect(xTicks(years, undefined, 600)).toEqual(years);
    expect(xTicks(years, undefined, 180)).toEqual([2016, 2019, 2022, 2025]);
  });
  it('ignores duplicates and blanks, and hands long series to the scale as a count', () => {
    expect(xTicks([2020, 2020, null, 2021], undefined, 400)).toEqual([2020, 2021]);
    expect(
      xTicks(
        Array.from({ length: 100 }, (_, i) => i),
        undefined,
        400,
      ),
    ).toBe(10);
  });
});
