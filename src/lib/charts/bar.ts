// Bar chart: vertical or horizontal, one colour per series, stacked or grouped side by side.
// Categories keep the file's order; series get a legend (bars cannot be labelled at an end).
import * as Plot from '@observablehq/plot';
import { axisLabel, FONT_SIZE, leftMargin, numbers, textWidth, tickFormat } from './axis.ts';
import { categorise, thinTicks } from './categories.ts';
import { defaultDocument } from './document.ts';
import { finish } from './finish.ts';
import { colorScale, SINGLE, seriesColors, seriesKeys } from './palette.ts';
import type { ChartOutput, ChartSpec } from './types.ts';

export interface BarChartSpec extends ChartSpec {
  /** With a series: "stacked" (default) or "grouped" side by side. */
  layout?: 'stacked' | 'grouped' | undefined;
  /** Bars run left to right, categories down the side: best for long category names. */
  horizontal?: boolean | undefined;
}

export function renderBarChart(spec: BarChartSpec): ChartOutput {
  const document = spec.document ?? defaultDocument();
  const { x, y, series } = spec;
  const width = spec.width ?? 640;
  const horizontal = spec.horizontal ?? false;
  const { data, domain } = categorise(spec.rows, x, y, series, spec.xFormat);
  const height =
    spec.height ??
    (horizontal ? Math.max(160, 48 + domain.length * (series && spec.layout === 'grouped' ? 14 * seriesKeys(spec.rows, series.name).length + 10 : 26)) : 360);
  const items = seriesColors(series ? seriesKeys(spec.rows, series.name) : [], spec.highlight);
  const grouped = Boolean(series) && spec.layout === 'grouped';
  const valueFormat = tickFormat(y, spec.yFormat);
  const values = numbers(data.map((d) => d.value));
  const fill = series ? 'series' : SINGLE;
  const valueAxis = { grid: true, label: axisLabel(y), tickFormat: valueFormat, nice: true };
  const common = { document, width, height, style: { fontSize: `${FONT_SIZE}px` }, color: colorScale(items) };
  let svg;
  if (horizontal) {
    const marginLeft = Math.min(width / 2, Math.max(...domain.map((d) => textWidth(d))) + 12);
    svg = Plot.plot({
      ...common,
      marginLeft,
      marginRight: 24,
      marginTop: 28,
      marginBottom: 40,
      x: { ...valueAxis, ticks: Math.round(width / 100) },
      y: grouped ? { axis: null, domain: items.map((i) => i.label) } : { domain, label: null, tickSize: 0, ticks: thinTicks(domain, height - 60, true) },
      ...(grouped ? { fy: { domain, label: null, padding: 0.2 } } : {}),
      marks: [
        Plot.barX(data, grouped ? { fy: 'category', y: 'series', x: 'value', fill } : { y: 'category', x: 'value', fill, insetTop: 2, insetBottom: 2 }),
        Plot.ruleX([0]),
      ],
    });
  } else {
    const plotWidth = width - 60;
    svg = Plot.plot({
      ...common,
      marginLeft: leftMargin(values, valueFormat),
      marginTop: 28,
      marginBottom: 32,
      y: { ...valueAxis, ticks: Math.round(height / 60) },
      x: grouped ? { axis: null, domain: items.map((i) => i.label) } : { domain, label: null, tickSize: 0, ticks: thinTicks(domain, plotWidth, false) },
      ...(grouped ? { fx: { domain, label: null, padding: 0.15, ticks: thinTicks(domain, plotWidth, false) } } : {}),
      marks: [
        Plot.barY(data, grouped ? { fx: 'category', x: 'series', y: 'value', fill } : { x: 'category', y: 'value', fill, insetLeft: 1, insetRight: 1 }),
        Plot.ruleY([0]),
      ],
    });
  }
  const kind = `chart-bar${horizontal ? ' chart-horizontal' : ''}${grouped ? ' chart-grouped' : ''}`;
  return { svg: finish(svg as unknown as SVGSVGElement, { id: spec.id, title: spec.title, description: spec.description, kind }), legend: items };
}
