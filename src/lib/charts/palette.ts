// Series colours as CSS custom properties, so light and dark themes (src/styles/charts.css) recolour
// charts without re-rendering. With `highlight`, that series takes the accent and the rest go muted.
import { cellKey as key } from '../datasets/cells.ts';
import type { Row } from '../datasets/dataset.ts';
import type { LegendItem } from './types.ts';

export { key };

export const PALETTE_SIZE = 8;
export const SINGLE = 'var(--series-1)';
export const ACCENT = 'var(--accent)';
export const MUTED = 'var(--muted)';

/** Series keys in order of first appearance in the file: stable, and the author controls it. */
export function seriesKeys(rows: readonly Row[], column: string): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = row[column];
    if (value !== null && value !== undefined) seen.add(key(value));
  }
  return [...seen];
}

export function seriesColors(keys: readonly string[], highlight?: string): LegendItem[] {
  return keys.map((label, i) => {
    if (highlight === undefined) return { label, color: `var(--series-${(i % PALETTE_SIZE) + 1})`, muted: false };
    return label === highlight ? { label, color: ACCENT, muted: false } : { label, color: MUTED, muted: true };
  });
}

/** Plot's color scale for the given items: an ordinal mapping, no legend drawn by Plot. */
export function colorScale(items: readonly LegendItem[]) {
  return { type: 'ordinal' as const, domain: items.map((i) => i.label), range: items.map((i) => i.color) };
}
