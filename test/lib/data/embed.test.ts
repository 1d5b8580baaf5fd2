// Embed errors name the essay, the component, the dataset and the column, and list the columns.
import { describe, expect, test } from 'vitest';
import { chartFigure } from '../../../src/lib/charts/figure.ts';
import type { DatasetLookup } from '../../../src/lib/datasets/embed.ts';
import { metric } from '../../../src/lib/datasets/metric.ts';
import { dataTable } from '../../../src/lib/datasets/table.ts';
import { capex } from '../charts/fixtures.ts';
import { messageOf } from './helpers.ts';

const lookup: DatasetLookup = { names: () => ['capex', 'hbm-share'], load: () => capex };
const file = 'content/essays/the-capex-cycle.mdx';
const chart = { data: 'capex', x: 'quarter', y: 'capex_bn', series: 'company', alt: 'Capex rises for all four.', file };

describe('embed errors', () => {
  const cases: Record<string, () => unknown> = {
    'unknown dataset': () => chartFigure('LineChart', { ...chart, data: 'capx' }, lookup),
    'unknown column': () => chartFigure('LineChart', { ...chart, y: 'capex' }, lookup),
    'unknown column in a filter': () => chartFigure('BarChart', { ...chart, where: { firm: 'Meta' } }, lookup),
    'number format that does not parse': () => chartFigure('LineChart', { ...chart, yFormat: ',.1q' }, lookup),
    'date format that does not parse': () => chartFigure('LineChart', { ...chart, xFormat: '%Y %K' }, lookup),
    'filter leaving no rows': () => chartFigure('AreaChart', { ...chart, where: { company: 'Oracle' } }, lookup),
    'filter value of the wrong type': () => chartFigure('AreaChart', { ...chart, where: { quarter: '>= soon' } }, lookup),
    'missing alt': () => chartFigure('ScatterChart', { ...chart, alt: ' ' }, lookup),
    'annotation off the axis': () => chartFigure('LineChart', { ...chart, annotations: [{ x: 'next year', label: 'x' }] }, lookup),
    'metric on a text column': () => metric({ data: 'capex', value: 'company', file }, lookup),
    'metric comparison not in the data': () =>
      metric({ data: 'capex', value: 'capex_bn', x: 'quarter', compare: '2019 Q1', where: { company: 'Meta' }, file }, lookup),
    'table column unknown': () => dataTable({ data: 'capex', columns: ['quarter', 'capex_usd'], file }, lookup),
  };
  for (const [name, run] of Object.entries(cases)) {
    test(name, () => expect(messageOf(run)).toMatchSnapshot());
  }

  test('without the essay file, the message says so rather than guessing', () => {
    expect(messageOf(() => chartFigure('LineChart', { ...chart, file: undefined, y: 'nope' }, lookup))).toMatch(
      /^EmbedError: \(essay file not given\): <LineChart y="nope">/,
    );
  });
});

describe('embeds that work', () => {
  test('filters: equal, one of, compared, and empty="ok"', () => {
    expect(chartFigure('LineChart', { ...chart, where: { company: 'Meta' } }, lookup).table.body).toHaveLength(8);
    expect(chartFigure('LineChart', { ...chart, where: { company: ['Meta', 'Amazon'], quarter: '>= 2024 Q1' } }, lookup).table.body).toHaveLength(4);
    const empty = chartFigure('LineChart', { ...chart, where: { company: 'Oracle' }, empty: 'ok' }, lookup);
    expect(empty).toMatchObject({ empty: true, wide: '' });
  });

  test('a metric against the previous value and against a date, in words', () => {
    expect(metric({ data: 'capex', value: 'capex_bn', x: 'quarter', where: { company: 'Meta' }, file }, lookup)).toMatchSnapshot();
    expect(
      metric({ data: 'capex', value: 'capex_bn', x: 'quarter', compare: '2023 Q4', where: { company: 'Meta' }, format: ',.1f', file }, lookup),
    ).toMatchSnapshot();
  });

  test('a table with formatted columns, numbers marked for right alignment', () => {
    const t = dataTable(
      { data: 'capex', columns: ['quarter', 'company', 'capex_bn'], formats: { capex_bn: ',.1f' }, where: { quarter: '2024 Q4' }, file },
      lookup,
    );
    expect(t).toMatchSnapshot();
  });

  test('a chart figure carries a wide and a narrow SVG with distinct ids, and a values table', () => {
    const f = chartFigure('BarChart', { ...chart, id: 'capex', layout: 'grouped', where: { quarter: '>= 2024 Q3' } }, lookup);
    expect(f.anchor).toBe('figure-capex');
    expect(f.wide).toContain('id="chart-capex"');
    expect(f.narrow).toContain('id="chart-capex-narrow"');
    expect(f.legend.map((l) => l.label)).toEqual(['Microsoft', 'Alphabet', 'Amazon', 'Meta']);
    expect(f.table).toMatchSnapshot();
  });
});
