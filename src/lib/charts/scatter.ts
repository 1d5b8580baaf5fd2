// Scatter chart: one dot per row, coloured by series, for two measures against each other
// (accelerator TDP against performance, rack density against year).
import * as Plot from '@observablehq/plot';
import { annotationMarks } from './annotations.ts';
import { axisLabel, FONT_SIZE, leftMargin, numbers, tickFormat, xTicks } from './axis.ts';
import { defaultDocument } from './document.ts';
import { finish } from './finish.ts';
import { colorScale, SINGLE, seriesColors, seriesKeys } from './palette.ts';
import type { ChartOutput, ChartSpec } from './types.ts';

export function renderScatterChart(spec: ChartSpec): ChartOutput {
  const document = spec.document ?? defaultDocument();
  const { x, y, series } = spec;
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const items = seriesColors(series ? seriesKeys(spec.rows, series.name) : [], spec.highlight);
  const yFormat = tickFormat(y, spec.yFormat);
  const marginLeft = leftMargin(numbers(spec.rows.map((r) => r[y.name] ?? null)), yFormat);
  const svg = Plot.plot({
    document,
    width,
    height,
    style: { fontSize: `${FONT_SIZE}px` },
    marginTop: 28,
    marginBottom: 40,
    marginRight: 20,
    marginLeft,
    x: { type: x.type === 'date' ? 'utc' : 'linear', label: x.type === 'date' ? null : axisLabel(x), labelAnchor: 'right', tickFormat: tickFormat(x, spec.xFormat), ticks: xTicks(spec.rows.map((r) => r[x.name] ?? null), tickFormat(x, spec.xFormat), width - marginLeft - 20), grid: true, nice: true },
    y: { grid: true, label: axisLabel(y), tickFormat: yFormat, ticks: Math.round(height / 60), nice: true },
    color: colorScale(items),
    marks: [
      Plot.dot(spec.rows, { x: x.name, y: y.name, fill: series ? series.name : SINGLE, r: 4, fillOpacity: 0.85, stroke: 'var(--bg)', strokeWidth: 0.75 }),
      ...annotationMarks(spec.annotations),
    ],
  });
  return { svg: finish(svg as unknown as SVGSVGElement, { id: spec.id, title: spec.title, description: spec.description, kind: 'chart-scatter' }), legend: series ? items : [] };
}
