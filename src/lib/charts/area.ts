// Area chart: stacked areas over a date or number axis, one colour per series with a legend, for
// parts of a whole over time (capex by company, electricity by source).
import * as Plot from '@observablehq/plot';
import { annotationMarks } from './annotations.ts';
import { axisLabel, FONT_SIZE, leftMargin, tickFormat, xAxisOptions } from './axis.ts';
import { defaultDocument } from './document.ts';
import { finish } from './finish.ts';
import { colorScale, SINGLE, seriesColors, seriesKeys } from './palette.ts';
import type { ChartOutput, ChartSpec } from './types.ts';

/** Totals per x value: the top of the stack, for sizing the axis. */
function stackTops(spec: ChartSpec): number[] {
  const tops = new Map<string, number>();
  for (const row of spec.rows) {
    const v = row[spec.y.name];
    const k = String(row[spec.x.name] instanceof Date ? (row[spec.x.name] as Date).getTime() : row[spec.x.name]);
    if (typeof v === 'number') tops.set(k, (tops.get(k) ?? 0) + v);
  }
  return [...tops.values()];
}

export function renderAreaChart(spec: ChartSpec): ChartOutput {
  const document = spec.document ?? defaultDocument();
  const { x, y, series } = spec;
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const items = seriesColors(series ? seriesKeys(spec.rows, series.name) : [], spec.highlight);
  const yFormat = tickFormat(y, spec.yFormat);
  const marginLeft = leftMargin(stackTops(spec), yFormat);
  const svg = Plot.plot({
    document,
    width,
    height,
    style: { fontSize: `${FONT_SIZE}px` },
    marginTop: 28,
    marginBottom: 32,
    marginRight: 20,
    marginLeft,
    x: xAxisOptions(spec, width - marginLeft - 20),
    y: { grid: true, label: axisLabel(y), tickFormat: yFormat, ticks: Math.round(height / 60) },
    color: colorScale(items),
    marks: [
      Plot.areaY(spec.rows, { x: x.name, y: y.name, z: series?.name, fill: series ? series.name : SINGLE, fillOpacity: series ? 0.85 : 0.3 }),
      series ? null : Plot.lineY(spec.rows, { x: x.name, y: y.name, stroke: SINGLE, strokeWidth: 2 }),
      Plot.ruleY([0]),
      ...annotationMarks(spec.annotations),
    ],
  });
  return {
    svg: finish(svg as unknown as SVGSVGElement, { id: spec.id, title: spec.title, description: spec.description, kind: 'chart-area' }),
    legend: series ? items : [],
  };
}
