// From an MDX chart's props to everything its <figure> shows: the checked data, a wide and a narrow
// SVG (CSS shows the one that fits the column, so text stays legible at 360 px), the legend and the
// table of plotted values. Pure: datasets come through `lookup`.
import { readCell } from '../datasets/cells.ts';
import { resolveEmbed, type DatasetLookup } from '../datasets/embed.ts';
import type { Column, Dataset, Row } from '../datasets/dataset.ts';
import { EmbedError, embedTag } from '../datasets/errors.ts';
import type { Where } from '../datasets/where.ts';
import { renderAreaChart } from './area.ts';
import { renderBarChart } from './bar.ts';
import { renderLineChart } from './line.ts';
import { renderScatterChart } from './scatter.ts';
import type { Annotation, ChartOutput, ChartSpec, LegendItem } from './types.ts';
import { valuesTable, type ValuesTable } from './values-table.ts';

export type ChartKind = 'LineChart' | 'BarChart' | 'AreaChart' | 'ScatterChart';

export interface ChartProps {
  data: string;
  x: string;
  y: string;
  series?: string | undefined;
  where?: Where | undefined;
  title?: string | undefined;
  subtitle?: string | undefined;
  alt: string;
  xFormat?: string | undefined;
  yFormat?: string | undefined;
  highlight?: string | undefined;
  annotations?: ReadonlyArray<{ x: string | number; label: string }> | undefined;
  note?: string | undefined;
  id?: string | undefined;
  empty?: 'ok' | undefined;
  layout?: 'stacked' | 'grouped' | undefined;
  horizontal?: boolean | undefined;
  /** The essay, for error messages. */
  file?: string | undefined;
}

export interface ChartFigure {
  /** Anchor for "Figure N" references: figure-<id>. */
  anchor: string;
  title: string;
  dataset: Dataset;
  wide: string;
  narrow: string;
  legend: LegendItem[];
  table: ValuesTable;
  empty: boolean;
}

const RENDER: Record<ChartKind, (spec: ChartSpec & Record<string, unknown>) => ChartOutput> = {
  LineChart: renderLineChart,
  BarChart: renderBarChart,
  AreaChart: renderAreaChart,
  ScatterChart: renderScatterChart,
};

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The id a chart is known by: its `id` prop, else one made from its dataset, kind and columns. */
export function chartAnchorId(kind: ChartKind, props: Pick<ChartProps, 'id' | 'data' | 'y' | 'series'>): string {
  return slug(props.id ?? `${props.data}-${kind}-${props.y}${props.series ? `-${props.series}` : ''}`);
}

export interface ResolvedChart {
  dataset: Dataset;
  rows: Row[];
  columns: Record<string, Column>;
  annotations: Annotation[];
}

/** Everything about a chart's props that can be wrong, checked without drawing it (for `npm run check`). */
export function resolveChart(kind: ChartKind, props: ChartProps, lookup: DatasetLookup): ResolvedChart {
  const file = props.file ?? '(essay file not given)';
  if (!props.alt?.trim()) {
    throw new EmbedError('missing alt: describe what the chart shows in a sentence, e.g. alt="Capex doubled in two years"', {
      file,
      tag: embedTag(kind, 'data', props.data),
      prop: 'alt',
    });
  }
  const { dataset, rows, columns } = resolveEmbed(
    {
      component: kind,
      file: props.file,
      data: props.data,
      columns: { x: props.x, y: props.y, series: props.series },
      formats: { xFormat: ['x', props.xFormat], yFormat: ['y', props.yFormat] },
      where: props.where,
      empty: props.empty,
    },
    lookup,
  );
  const x = columns.x!;
  const annotations: Annotation[] = (props.annotations ?? []).map((a, i) => {
    const value = typeof a.x === 'number' && x.type !== 'date' ? a.x : readCell(String(a.x).trim(), x.type);
    if (value === undefined) {
      throw new EmbedError(`annotations[${i}].x: expected a ${x.type} for column "${x.name}" in ${dataset.file}, found ${JSON.stringify(a.x)}`, {
        file,
        tag: embedTag(kind, 'annotations', props.annotations),
        prop: 'annotations',
      });
    }
    return { x: value, label: a.label };
  });
  return { dataset, rows, columns, annotations };
}

// A chart is drawn once per build for the same props and data: the page, the feed form and the PNG
// twin all ask for it. Keyed by the dataset object, which the lookup replaces when its files change.
const drawn = new WeakMap<Dataset, Map<string, ChartFigure>>();

export function chartFigure(kind: ChartKind, props: ChartProps, lookup: DatasetLookup): ChartFigure {
  const resolved = resolveChart(kind, props, lookup);
  const { file: _file, ...shape } = props;
  const key = JSON.stringify([kind, shape]);
  let byProps = drawn.get(resolved.dataset);
  if (!byProps) drawn.set(resolved.dataset, (byProps = new Map()));
  let figure = byProps.get(key);
  if (!figure) byProps.set(key, (figure = drawChart(kind, props, resolved)));
  return figure;
}

function drawChart(kind: ChartKind, props: ChartProps, { dataset, rows, columns, annotations }: ResolvedChart): ChartFigure {
  const x = columns.x!;
  const id = chartAnchorId(kind, props);
  const title = props.title ?? dataset.meta.title;
  const spec = {
    id: `chart-${id}`,
    title,
    description: props.alt.trim(),
    x,
    y: columns.y!,
    series: columns.series,
    rows,
    xFormat: props.xFormat,
    yFormat: props.yFormat,
    highlight: props.highlight,
    annotations,
    layout: props.layout,
    horizontal: props.horizontal,
  };
  const render = RENDER[kind];
  const wide = rows.length ? render(spec) : { svg: '', legend: [] };
  const narrow = rows.length ? render({ ...spec, id: `chart-${id}-narrow`, width: 360, height: props.horizontal ? undefined : 300 }) : wide;
  return {
    anchor: `figure-${id}`,
    title,
    dataset,
    wide: wide.svg,
    narrow: narrow.svg,
    legend: wide.legend,
    empty: rows.length === 0,
    table: valuesTable(rows, x, columns.y!, columns.series, props.xFormat, props.yFormat),
  };
}
