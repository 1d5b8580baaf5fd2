// Line chart: one line per series, labelled at its end in the line's colour (no legend to decode),
// gaps where values are blank, a zero baseline when every value is positive.
import * as Plot from '@observablehq/plot';
import { annotationMarks } from './annotations.ts';
import { axisLabel, FONT_SIZE, leftMargin, numbers, textWidth, tickFormat, xAxisOptions } from './axis.ts';
import { defaultDocument } from './document.ts';
import { finish } from './finish.ts';
import { dodge, endPoints } from './labels.ts';
import { colorScale, key, SINGLE, seriesColors, seriesKeys } from './palette.ts';
import type { ChartOutput, ChartSpec } from './types.ts';

export function renderLineChart(spec: ChartSpec): ChartOutput {
  const document = spec.document ?? defaultDocument();
  const { x, y, series } = spec;
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const keys = series ? seriesKeys(spec.rows, series.name) : [];
  const items = seriesColors(keys, spec.highlight);
  // Draw the highlighted series last so it sits on top of the muted ones.
  const rows =
    spec.highlight && series
      ? [...spec.rows].sort((a, b) => Number(key(a[series.name] ?? null) === spec.highlight) - Number(key(b[series.name] ?? null) === spec.highlight))
      : spec.rows;
  const values = numbers(spec.rows.map((r) => r[y.name] ?? null));
  const zero = values.every((v) => v >= 0);
  const yFormat = tickFormat(y, spec.yFormat);
  const labelWidth = keys.length ? Math.max(...keys.map((k) => textWidth(k))) + 8 : 0;
  const margin = { top: 28, right: Math.max(20, labelWidth + 8), bottom: 32, left: leftMargin(values, yFormat) };
  const svg = Plot.plot({
    document,
    width,
    height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    style: { fontSize: `${FONT_SIZE}px` },
    x: xAxisOptions(spec, width - margin.left - margin.right),
    y: { grid: true, zero, label: axisLabel(y), tickFormat: yFormat, ticks: Math.round(height / 60) },
    color: colorScale(items),
    marks: [
      zero ? Plot.ruleY([0]) : null,
      Plot.lineY(rows, { x: x.name, y: y.name, z: series?.name, stroke: series ? series.name : SINGLE, strokeWidth: 2 }),
      ...annotationMarks(spec.annotations),
    ],
  }) as unknown as SVGSVGElement & { scale(name: string): { apply(v: unknown): number } };
  if (series) {
    const ends = endPoints(spec.rows, keys, x.name, y.name, series.name);
    const sx = svg.scale('x');
    const sy = svg.scale('y');
    const placed = dodge(
      ends.map((e) => sy.apply(e.y)),
      FONT_SIZE + 2,
      margin.top,
      height - margin.bottom,
    );
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('class', 'line-labels');
    g.setAttribute('font-weight', '600');
    ends.forEach((end, i) => {
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.setAttribute('x', String(sx.apply(end.x) + 6));
      text.setAttribute('y', String(placed[i]));
      text.setAttribute('dy', '0.32em');
      text.setAttribute('text-anchor', 'start');
      text.setAttribute('fill', items.find((item) => item.label === end.series)!.color);
      text.textContent = end.series;
      g.appendChild(text);
    });
    svg.appendChild(g);
  }
  return { svg: finish(svg, { id: spec.id, title: spec.title, description: spec.description, kind: 'chart-line' }), legend: [] };
}
