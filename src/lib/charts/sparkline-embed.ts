// <Sparkline>: a dataset column as a word-sized line, with its latest value in words beside it.
import { resolveEmbed, type DatasetLookup } from '../datasets/embed.ts';
import { EmbedError, embedTag } from '../datasets/errors.ts';
import { formatter } from '../datasets/format.ts';
import type { Where } from '../datasets/where.ts';
import { slug } from './figure.ts';
import { renderSparkline } from './sparkline.ts';

export interface SparklineProps {
  data: string;
  /** Column of values. */
  y: string;
  /** Column naming each point (a date), for the description. */
  x?: string | undefined;
  where?: Where | undefined;
  format?: string | undefined;
  /** What the line is, e.g. "Meta capex"; default the column label. */
  label?: string | undefined;
  file?: string | undefined;
}

export interface SparklineResult {
  svg: string;
  /** The latest value, formatted with its unit. */
  last: string;
  /** The line in words, with its first, last, lowest and highest values: what feeds and email show. */
  description: string;
}

export function sparklineEmbed(props: SparklineProps, lookup: DatasetLookup): SparklineResult {
  const { rows, columns, dataset } = resolveEmbed(
    {
      component: 'Sparkline',
      file: props.file,
      data: props.data,
      columns: { y: props.y, x: props.x },
      formats: { format: ['y', props.format] },
      where: props.where,
    },
    lookup,
  );
  const y = columns.y!;
  const values = rows.map((r) => (typeof r[y.name] === 'number' ? (r[y.name] as number) : null));
  const defined = values.filter((v) => v !== null);
  if (defined.length < 2) {
    throw new EmbedError(`column "${y.name}" in ${dataset.file} has ${defined.length} value(s) after the filter; a sparkline needs at least 2`, {
      file: props.file ?? '(essay file not given)',
      tag: embedTag('Sparkline', 'y', props.y),
      prop: 'y',
    });
  }
  const f = formatter(y, { spec: props.format });
  const x = columns.x;
  const fx = x ? formatter(x, { values: rows.map((r) => r[x.name] ?? null) }) : undefined;
  const first = values.findIndex((v) => v !== null);
  const lastIndex = values.findLastIndex((v) => v !== null);
  const at = (i: number) => (fx && x ? ` in ${fx(rows[i]![x.name] ?? null)}` : '');
  const label = props.label ?? y.label;
  const description = `${label}: from ${f(values[first]!)}${at(first)} to ${f(values[lastIndex]!)}${at(lastIndex)}, low ${f(Math.min(...defined))}, high ${f(Math.max(...defined))}.`;
  const id = `spark-${slug(`${props.data}-${props.y}-${JSON.stringify(props.where ?? {})}`)}`;
  return { svg: renderSparkline({ id, values, title: label, description }), last: f(values[lastIndex]!), description };
}
