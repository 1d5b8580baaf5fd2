// Axis labels, tick formats and the margins they need. Plot's own margins assume short tick labels;
// long ones ("100,000") would be clipped, so the left margin is sized from the labels.
import type { Cell, Column } from '../datasets/dataset.ts';
import { formatter } from '../datasets/format.ts';

export const FONT_SIZE = 12;

/** Rough width of a label in px: good enough for margins, no font metrics needed at build time. */
export function textWidth(text: string, size = FONT_SIZE): number {
  return Math.ceil(text.length * size * 0.6);
}

/** "Capex (USD bn)", or the label alone when there is no unit. */
export function axisLabel(column: Column): string {
  return column.unit ? `${column.label} (${column.unit})` : column.label;
}

/** The tick format for a column: the embed's spec, else the meta's, else Plot's default (undefined). */
export function tickFormat(column: Column, spec: string | undefined): ((v: Cell) => string) | undefined {
  const chosen = spec ?? column.format;
  return chosen ? formatter(column, { spec: chosen, unit: false }) : undefined;
}

function nice(value: number): number {
  if (value === 0) return 0;
  const step = 10 ** Math.floor(Math.log10(Math.abs(value)));
  return Math.ceil(value / step) * step;
}

const PLAIN = new Intl.NumberFormat('en-US');

/** Left margin for a y axis over these values: the widest likely tick label, plus the tick. */
export function leftMargin(values: readonly number[], format: ((v: Cell) => string) | undefined): number {
  const f = format ?? ((v: Cell) => PLAIN.format(v as number));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const widest = Math.max(textWidth(f(nice(lo))), textWidth(f(nice(hi))), textWidth(f(hi / 3)));
  return Math.max(36, widest + 14);
}

export function numbers(values: readonly Cell[]): number[] {
  return values.filter((v): v is number => typeof v === 'number');
}

/**
 * X ticks that never collide: as many as the widest label allows in the plot's inner width. With
 * few distinct x values (years, quarters) the ticks are every k-th data value, so a quarterly
 * series is labelled "2023 Q1, 2023 Q3, …" rather than in d3's 3-month steps that overlap.
 */
export function xTicks(values: readonly Cell[], format: ((v: Cell) => string) | undefined, innerWidth: number): number | Array<number | Date> {
  const distinct = [...new Map(values.filter((v) => typeof v === 'number' || v instanceof Date).map((v) => [+(v as number | Date), v])).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v as number | Date);
  const label = format ?? ((v: Cell) => (v instanceof Date ? v.toISOString().slice(0, 7) : String(v)));
  const widest = Math.max(24, ...distinct.map((v) => textWidth(label(v))));
  const fit = Math.max(2, Math.floor(innerWidth / (widest + 16)));
  if (distinct.length === 0 || distinct.length > 60) return fit;
  const step = Math.ceil(distinct.length / fit);
  return distinct.filter((_, i) => i % step === 0);
}

/**
 * The continuous x axis shared by line, area and scatter charts: a UTC time scale for dates,
 * linear otherwise (labelled, since a date axis explains itself), and ticks that fit `innerWidth`.
 */
export function xAxisOptions(spec: { x: Column; xFormat?: string | undefined; rows: ReadonlyArray<Record<string, Cell | undefined>> }, innerWidth: number) {
  const { x } = spec;
  const format = tickFormat(x, spec.xFormat);
  return {
    type: x.type === 'date' ? ('utc' as const) : ('linear' as const),
    label: x.type === 'date' ? null : axisLabel(x),
    tickFormat: format,
    ticks: xTicks(
      spec.rows.map((r) => r[x.name] ?? null),
      format,
      innerWidth,
    ),
  };
}
