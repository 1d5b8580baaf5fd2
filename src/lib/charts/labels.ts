// Direct labels at the end of each line, moved apart vertically so that none overlap: sorted by
// position, pushed down to keep a minimum gap, then the stack is pulled back up if it overflows.
import type { Row } from '../datasets/dataset.ts';
import { key } from './palette.ts';

export interface EndPoint {
  series: string;
  x: Row[string];
  y: number;
}

/** The last point with a value in each series, in the order of `keys`. */
export function endPoints(rows: readonly Row[], keys: readonly string[], x: string, y: string, series: string): EndPoint[] {
  const last = new Map<string, EndPoint>();
  for (const row of rows) {
    const value = row[y];
    if (typeof value !== 'number') continue;
    last.set(key(row[series] ?? null), { series: key(row[series] ?? null), x: row[x] ?? null, y: value });
  }
  return keys.flatMap((k) => last.get(k) ?? []);
}

/** New positions for labels wanted at `wanted` (px), at least `gap` apart and within [min, max]. */
export function dodge(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const placed = order.map(([y]) => Math.max(min, y));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  const overflow = placed.length ? placed[placed.length - 1]! - max : 0;
  if (overflow > 0) {
    placed[placed.length - 1] = max;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap);
  }
  const out = new Array<number>(wanted.length);
  order.forEach(([, index], i) => (out[index] = placed[i]!));
  return out;
}
