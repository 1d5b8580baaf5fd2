// Bars need categories: x values as display labels in file order (dates formatted, e.g. "2024 Q1"),
// and, where they would collide on a narrow axis, only every k-th label shown.
import type { Column, Row } from '../datasets/dataset.ts';
import { formatter } from '../datasets/format.ts';
import { textWidth } from './axis.ts';
import { key } from './palette.ts';

export interface Categorised {
  /** Rows as { category, value, series } for Plot. */
  data: Array<{ category: string; value: number | null; series: string }>;
  /** Categories in order of first appearance. */
  domain: string[];
}

export function categorise(rows: readonly Row[], x: Column, y: Column, series: Column | undefined, xFormat: string | undefined): Categorised {
  const label = formatter(x, { spec: xFormat, unit: false, values: rows.map((r) => r[x.name] ?? null) });
  const domain = new Set<string>();
  const data = rows.map((row) => {
    const category = label(row[x.name] ?? null);
    domain.add(category);
    const value = row[y.name];
    return { category, value: typeof value === 'number' ? value : null, series: series ? key(row[series.name] ?? null) : '' };
  });
  return { data, domain: [...domain] };
}

/** The labels to show on a band axis of `length` px so that none overlap. */
export function thinTicks(domain: readonly string[], length: number, horizontal: boolean): string[] {
  const each = horizontal ? 16 : Math.max(...domain.map((d) => textWidth(d))) + 8;
  const step = Math.max(1, Math.ceil((domain.length * each) / Math.max(1, length)));
  return domain.filter((_, i) => i % step === 0);
}
