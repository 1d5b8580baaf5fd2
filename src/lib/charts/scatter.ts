// Scatter chart: one dot per row, coloured by series, for two measures against each other
// (accelerator TDP against performance, rack density against year). Plot draws the frame (scales,
// axes, grid, annotations); the dots are written as markup on its scales, because 200 dots built
// as DOM nodes cost more than the 5 ms a chart may take.
import * as Plot from '@observablehq/plot';
import { annotationMarks } from './annotations.ts';
import { axisLabel, FONT_SIZE, leftMargin, numbers, tickFormat, xAxisOptions } from './axis.ts';
import { defaultDocument } from './document.ts';
import { finish } from './finish.ts';
import { key, MUTED, SINGLE, seriesColors, seriesKeys } from './palette.ts';
import type { ChartOutput, ChartSpec } from './types.ts';

interface Point {
  x: number | Date;
  y: number;
  fill: string;
  top: boolean;
}

const round = (n: number) => Math.round(n * 100) / 100;

function extent<T extends number | Date>(values: readonly T[], fallback: [T, T]): [T, T] {
  if (!values.length) return fallback;
  let lo: T = values[0]!;
  let hi: T = values[0]!;
  for (const v of values) {
    if (+v < +lo) lo = v;
    if (+v > +hi) hi = v;
  }
  return [lo, hi];
}

export function renderScatterChart(spec: ChartSpec): ChartOutput {
  const document = spec.document ?? defaultDocument();
  const { x, y, series } = spec;
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const items = seriesColors(series ? seriesKeys(spec.rows, series.name) : [], spec.highlight);
  const colors = new Map(items.map((i) => [i.label, i.color]));
  const points: Point[] = spec.rows.flatMap((row) => {
    const xv = row[x.name];
    const yv = row[y.name];
    if (!(typeof xv === 'number' || xv instanceof Date) || typeof yv !== 'number') return [];
    const label = series ? key(row[series.name] ?? null) : '';
    return [{ x: xv, y: yv, fill: series ? (colors.get(label) ?? MUTED) : SINGLE, top: label === spec.highlight }];
  });
  // The highlighted series is drawn last so it sits on top of the muted ones.
  points.sort((a, b) => Number(a.top) - Number(b.top));
  const yFormat = tickFormat(y, spec.yFormat);
  const marginLeft = leftMargin(numbers(spec.rows.map((r) => r[y.name] ?? null)), yFormat);
  const isDate = x.type === 'date';
  const svg = Plot.plot({
    document,
    width,
    height,
    style: { fontSize: `${FONT_SIZE}px` },
    marginTop: 28,
    marginBottom: 40,
    marginRight: 20,
    marginLeft,
    x: {
      ...xAxisOptions(spec, width - marginLeft - 20),
      domain: extent(
        points.map((p) => p.x),
        isDate ? [new Date(0), new Date(1)] : [0, 1],
      ),
      labelAnchor: 'right',
      grid: true,
      nice: true,
    },
    y: {
      domain: extent(
        points.map((p) => p.y),
        [0, 1],
      ),
      grid: true,
      label: axisLabel(y),
      tickFormat: yFormat,
      ticks: Math.round(height / 60),
      nice: true,
    },
    marks: [...annotationMarks(spec.annotations)],
  }) as unknown as SVGSVGElement & { scale(name: string): { apply(v: unknown): number } };
  const sx = svg.scale('x');
  const sy = svg.scale('y');
  const dots =
    '<g class="dots" fill-opacity="0.85" stroke="var(--bg)" stroke-width="0.75">' +
    points.map((p) => `<circle cx="${round(sx.apply(p.x))}" cy="${round(sy.apply(p.y))}" r="4" fill="${p.fill}"></circle>`).join('') +
    '</g>';
  return {
    svg: finish(svg, { id: spec.id, title: spec.title, description: spec.description, kind: 'chart-scatter', append: dots }),
    legend: series ? items : [],
  };
}
