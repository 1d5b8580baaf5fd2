// npm run bench:charts: render 500 charts of 200 points each (line charts, two labelled series,
// with the accessibility additions and normalisation) and print ms per chart and peak RSS.
// Target from issue 4: at most 5 ms per chart. `npm run bench:charts -- 200` renders 200 line charts.
import { performance } from 'node:perf_hooks';
import * as Plot from '@observablehq/plot';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { defaultDocument } from '../src/lib/charts/document.ts';
import { renderAreaChart } from '../src/lib/charts/area.ts';
import { renderBarChart } from '../src/lib/charts/bar.ts';
import { renderLineChart } from '../src/lib/charts/line.ts';
import { renderScatterChart } from '../src/lib/charts/scatter.ts';
import type { ChartOutput, ChartSpec } from '../src/lib/charts/types.ts';
import type { Column, Row } from '../src/lib/datasets/dataset.ts';

const POINTS = 200;
const COMMAND = {
  name: 'bench:charts',
  usage: 'npm run bench:charts -- [count]',
  summary: `Renders line charts of ${POINTS} points each (two labelled series, with the accessibility additions and normalisation), beside Plot alone and 100 each of area, scatter and bar charts, and prints ms per chart and peak RSS. Target: at most 5 ms per line chart.`,
  positional: { name: 'count', describe: 'how many line charts (and Plot-alone charts) to render', integer: { min: 1 }, defaultText: '500' },
  options: {},
  examples: ['npm run bench:charts', 'npm run bench:charts -- 100'],
} as const satisfies CommandSpec;
const CHARTS = Number(readCommandLine(COMMAND).positionals[0] ?? 500);

const x: Column = { name: 'day', type: 'date', label: 'Day' };
const y: Column = { name: 'mw', type: 'number', label: 'Load', unit: 'MW' };
const series: Column = { name: 'site', type: 'string', label: 'Site' };

function rows(seed: number): Row[] {
  return Array.from({ length: POINTS }, (_, i) => ({
    day: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 2))),
    site: i % 2 ? 'Campus A' : 'Campus B',
    mw: Math.round((100 + 40 * Math.sin((i + seed) / 9) + (i % 2) * 30) * 10) / 10,
  }));
}

function bench(name: string, render: (spec: ChartSpec) => ChartOutput, count: number, pick: (i: number) => Row[]): number {
  let bytes = 0;
  render({ id: 'warm', title: 'w', description: 'w', x, y, series, rows: pick(0) });
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    bytes += render({ id: `bench-${i}`, title: `Chart ${i}`, description: 'Load at two campuses.', x, y, series, rows: pick(i) }).svg.length;
  }
  const ms = (performance.now() - start) / count;
  console.log(`${name.padEnd(8)} ${count} charts × ${POINTS} points: ${ms.toFixed(2)} ms per chart (${Math.round(bytes / count / 1024)} KB SVG each)`);
  return ms;
}

const data = Array.from({ length: 10 }, (_, i) => rows(i));
// Baseline: Plot alone on the same data (no labels, no accessibility, no normalisation).
const document = defaultDocument();
bench(
  'plot',
  (spec) => ({
    svg: (Plot.plot({ document, marks: [Plot.lineY(spec.rows, { x: 'day', y: 'mw', z: 'site', stroke: 'site' })] }) as unknown as Element).outerHTML,
    legend: [],
  }),
  CHARTS,
  (i) => data[i % 10]!,
);
const line = bench('line', renderLineChart, CHARTS, (i) => data[i % 10]!);
bench('area', renderAreaChart, 100, (i) => data[i % 10]!);
bench('scatter', renderScatterChart, 100, (i) => data[i % 10]!);
bench('bar', renderBarChart, 100, (i) => data[i % 10]!.slice(0, 40));
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS ${rssMb.toFixed(0)} MB · node ${process.version} · target ≤ 5 ms per chart: ${line <= 5 ? 'met' : 'NOT met'}`);
