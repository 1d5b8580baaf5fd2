// A headline number and its change against the previous value or a given date, worded so the
// direction is read, not inferred from colour: "up 26% from 47 USD bn in 2023 Q4".
import type { Cell, Column, Row } from './dataset.ts';
import { resolveEmbed, type DatasetLookup } from './embed.ts';
import { EmbedError, embedTag } from './errors.ts';
import { formatter } from './format.ts';
import type { Where } from './where.ts';
import { cellKey as key, readCell } from './cells.ts';

export interface MetricProps {
  data: string;
  /** Column holding the number. */
  value: string;
  /** Column that orders the rows and names the comparison (a date or a label). */
  x?: string | undefined;
  /** The x value to headline; default the last row with a value. */
  at?: string | number | undefined;
  /** "previous" (default): the row before; or an x value such as "2023 Q4". */
  compare?: string | number | undefined;
  where?: Where | undefined;
  format?: string | undefined;
  file?: string | undefined;
}

export interface MetricResult {
  value: string;
  label: string;
  /** The headline row's x, formatted ("2024 Q4"). */
  asOf: string | undefined;
  direction: 'up' | 'down' | 'flat' | undefined;
  /** Sentence fragment for the change, e.g. "up 26% from 47 USD bn in 2023 Q4". */
  change: string | undefined;
}

export function metric(props: MetricProps, lookup: DatasetLookup): MetricResult {
  const at = (prop: string, value: unknown) => ({ file: props.file ?? '(essay file not given)', tag: embedTag('Metric', prop, value), prop });
  const { dataset, rows, columns } = resolveEmbed(
    {
      component: 'Metric',
      file: props.file,
      data: props.data,
      columns: { value: props.value, x: props.x },
      formats: { format: ['value', props.format] },
      where: props.where,
    },
    lookup,
  );
  const v = columns.value!;
  const x: Column | undefined = columns.x;
  if (v.type !== 'number' && v.type !== 'integer' && v.type !== 'percent') {
    throw new EmbedError(`column "${v.name}" in ${dataset.file} is ${v.type}, expected a number column`, at('value', props.value));
  }
  const withValue = rows.filter((r) => typeof r[v.name] === 'number');
  const fx = x ? formatter(x, { values: rows.map((r) => r[x.name] ?? null) }) : (c: Cell) => String(c);
  const find = (wanted: string | number, prop: string): Row => {
    const cell = x ? (typeof wanted === 'number' && x.type !== 'date' ? wanted : readCell(String(wanted).trim(), x.type)) : undefined;
    const row = cell === undefined ? undefined : withValue.find((r) => key(r[x!.name] ?? null) === key(cell));
    if (!row) {
      const known = x
        ? withValue
            .map((r) => fx(r[x.name] ?? null))
            .slice(-8)
            .join(', ')
        : '(give an x column)';
      throw new EmbedError(
        `no row with ${x ? `"${x.name}"` : 'x'} = ${JSON.stringify(wanted)} and a value in "${v.name}" in ${dataset.file}. Latest: ${known}`,
        at(prop, wanted),
      );
    }
    return row;
  };
  const current = props.at !== undefined ? find(props.at, 'at') : withValue.at(-1);
  if (!current) throw new EmbedError(`column "${v.name}" in ${dataset.file} has no values${props.where ? ' after the filter' : ''}`, at('value', props.value));
  const index = withValue.indexOf(current);
  const previous = props.compare === undefined || props.compare === 'previous' ? withValue[index - 1] : find(props.compare, 'compare');
  const f = formatter(v, { spec: props.format });
  const now = current[v.name] as number;
  let direction: MetricResult['direction'];
  let change: string | undefined;
  if (previous) {
    const before = previous[v.name] as number;
    const delta = now - before;
    direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
    const pct =
      before !== 0 && v.type !== 'percent'
        ? ` ${Math.abs((delta / before) * 100).toFixed(Math.abs(delta / before) < 0.1 ? 1 : 0)}%`
        : ` ${formatter(v, { spec: props.format, unit: false })(Math.abs(delta))}${v.type === 'percent' ? ' points' : ` ${v.unit ?? ''}`.trimEnd()}`;
    const since = x ? ` in ${fx(previous[x.name] ?? null)}` : '';
    change = direction === 'flat' ? `unchanged from ${f(before)}${since}` : `${direction}${pct} from ${f(before)}${since}`;
  }
  return { value: f(now), label: v.label, asOf: x ? fx(current[x.name] ?? null) : undefined, direction, change };
}
