// The text alternative under every chart: the plotted values as a table, one row per x value and
// one column per series, formatted with units, so the figures can be read without the picture.
import type { Column, Row } from '../datasets/dataset.ts';
import { formatter } from '../datasets/format.ts';
import { key, seriesKeys } from './palette.ts';

export interface ValuesTable {
  head: string[];
  body: string[][];
}

export function valuesTable(rows: readonly Row[], x: Column, y: Column, series: Column | undefined, xFormat?: string, yFormat?: string): ValuesTable {
  const fx = formatter(x, { spec: xFormat, values: rows.map((r) => r[x.name] ?? null) });
  const fy = formatter(y, { spec: yFormat });
  if (!series) {
    return { head: [x.label, y.unit ? `${y.label} (${y.unit})` : y.label], body: rows.map((r) => [fx(r[x.name] ?? null), fy(r[y.name] ?? null)]) };
  }
  const keys = seriesKeys(rows, series.name);
  const byX = new Map<string, { label: string; cells: Map<string, string> }>();
  for (const row of rows) {
    const xk = key(row[x.name] ?? null);
    const entry = byX.get(xk) ?? { label: fx(row[x.name] ?? null), cells: new Map<string, string>() };
    entry.cells.set(key(row[series.name] ?? null), fy(row[y.name] ?? null));
    byX.set(xk, entry);
  }
  return {
    head: [x.label, ...keys],
    body: [...byX.values()].map((e) => [e.label, ...keys.map((k) => e.cells.get(k) ?? '')]),
  };
}
