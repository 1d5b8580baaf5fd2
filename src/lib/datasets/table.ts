// <DataTable>: chosen columns of a dataset, each formatted with its unit, numbers right-aligned.
import { resolveEmbed, type DatasetLookup } from './embed.ts';
import { formatter } from './format.ts';
import type { Where } from './where.ts';

export interface TableProps {
  data: string;
  /** Columns to show, in order; default all. */
  columns?: readonly string[] | undefined;
  where?: Where | undefined;
  /** Format specifier per column, e.g. { capex_bn: ",.1f" }. */
  formats?: Readonly<Record<string, string>> | undefined;
  /** Show at most this many rows (the last ones when `tail`). */
  limit?: number | undefined;
  tail?: boolean | undefined;
  empty?: 'ok' | undefined;
  file?: string | undefined;
}

export interface TableResult {
  head: Array<{ label: string; numeric: boolean }>;
  body: string[][];
  total: number;
}

export function dataTable(props: TableProps, lookup: DatasetLookup): TableResult {
  const names = props.columns ?? lookup.load(props.data).columns.map((c) => c.name);
  const refs = Object.fromEntries(names.map((n, i) => [`columns[${i}]`, n]));
  const formats = Object.fromEntries(Object.entries(props.formats ?? {}).map(([col, spec]) => [`formats.${col}`, [`fmt:${col}`, spec] as const]));
  const fmtRefs = Object.fromEntries(Object.keys(props.formats ?? {}).map((col) => [`fmt:${col}`, col]));
  const { rows, columns } = resolveEmbed(
    { component: 'DataTable', file: props.file, data: props.data, columns: { ...refs, ...fmtRefs }, formats, where: props.where, empty: props.empty },
    lookup,
  );
  const cols = names.map((_, i) => columns[`columns[${i}]`]!);
  const fs = cols.map((c) => formatter(c, { spec: props.formats?.[c.name], values: rows.map((r) => r[c.name] ?? null) }));
  const shown = props.limit === undefined ? rows : props.tail ? rows.slice(-props.limit) : rows.slice(0, props.limit);
  return {
    head: cols.map((c) => ({ label: c.label, numeric: c.type !== 'string' && c.type !== 'date' })),
    body: shown.map((r) => cols.map((c, i) => fs[i]!(r[c.name] ?? null))),
    total: rows.length,
  };
}
