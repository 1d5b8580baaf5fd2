// The shaping steps every loader shares, applied in order to the connector's rows: `where` (filter
// the source rows, written as embeds write it), `melt` (wide to long), `columns` (select, rename,
// convert units, round, normalise dates), `required` (drop rows with an empty cell) and `sort`.
// A column the source does not have is named with the columns it does have: that is what a
// source's change of format looks like from here.
import { readDate, readNumber, type Cell } from '../datasets/cells.ts';
import type { Column } from '../datasets/dataset.ts';
import { compileWhere } from '../datasets/where.ts';
import type { ColumnType } from '../schema/dataset.ts';
import { didYouMean } from '../errors/suggest.ts';
import type { ColumnConversion, LoaderSpec } from './loader-schema.ts';
import { SourceFormatError, type OutputTable, type SourceRow, type SourceTable, type Value } from './table.ts';

const firstWord = (name: string) => name.toLowerCase().split(/[\s_(,-]+/)[0];

/** The column a renamed one probably became: the only one that starts with the same word, else the closest spelling. */
function renamedTo(column: string, available: readonly string[]): string {
  const same = available.filter((c) => firstWord(c) === firstWord(column));
  return same.length === 1 ? `; did you mean "${same[0]}"?` : didYouMean(column, available);
}

function missingColumn(column: string, available: readonly string[], field: string): SourceFormatError {
  const names = available.map((c) => (c.includes(',') ? JSON.stringify(c) : c));
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} in all)` : names.join(', ');
  return new SourceFormatError(`no column "${column}" in the source (asked for by loader.${field})${renamedTo(column, available)} Columns: ${shown}`);
}

/** The type a `where` condition compares in: numbers for "> 2000" or 2000, dates for "2024-03", else text. */
function whereType(value: unknown): ColumnType {
  const values = Array.isArray(value) ? value : [value];
  const operands = values.filter((v) => v !== null).map((v) => (typeof v === 'string' ? v.replace(/^(>=|<=|!=|>|<|=)\s*/, '') : v));
  if (operands.length && operands.every((v) => typeof v === 'number' || readNumber(String(v)) !== undefined)) return 'number';
  if (operands.length && operands.every((v) => typeof v === 'string' && /^\d{4}-\d{2}/.test(v) && readDate(v))) return 'date';
  return 'string';
}

function typed(value: Value, type: ColumnType): Cell {
  if (value === null || value === '') return null;
  if (type === 'string') return String(value);
  if (typeof value === 'number') return type === 'date' ? new Date(Date.UTC(value, 0, 1)) : value;
  const text = String(value).trim();
  return (type === 'number' ? readNumber(text) : readDate(text)) ?? null;
}

function filter(table: SourceTable, where: NonNullable<LoaderSpec['where']>): SourceRow[] {
  const columns: Column[] = Object.entries(where).map(([name, value]) => {
    if (!table.columns.includes(name)) throw missingColumn(name, table.columns, `where.${name}`);
    return { name, type: whereType(value), label: name };
  });
  const { test, problems } = compileWhere(where, columns);
  if (problems.length) throw new SourceFormatError(`loader.where.${problems[0]!.column}: ${problems[0]!.reason}`);
  return table.rows.filter((row) => test(Object.fromEntries(columns.map((c) => [c.name, typed(row[c.name] ?? null, c.type)]))));
}

function melt(rows: SourceRow[], columns: string[], spec: NonNullable<LoaderSpec['melt']>): { rows: SourceRow[]; columns: string[] } {
  const sources = Object.values(spec.columns);
  for (const column of sources) if (!columns.includes(column)) throw missingColumn(column, columns, 'melt.columns');
  const kept = columns.filter((c) => !sources.includes(c));
  const out: SourceRow[] = [];
  for (const row of rows) {
    const base = Object.fromEntries(kept.map((c) => [c, row[c] ?? null]));
    for (const [label, column] of Object.entries(spec.columns)) out.push({ ...base, [spec.name]: label, [spec.value]: row[column] ?? null });
  }
  return { rows: out, columns: [...kept, spec.name, spec.value] };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date at the grain asked for, in a form the dataset reader reads back: 2024, 2024 Q1, 2024-03, 2024-03-31. */
export function formatDate(date: Date, grain: NonNullable<ColumnConversion['date']>): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (grain === 'year') return String(y);
  if (grain === 'quarter') return `${y} Q${Math.floor(m / 3) + 1}`;
  if (grain === 'month') return `${y}-${pad(m + 1)}`;
  return `${y}-${pad(m + 1)}-${pad(date.getUTCDate())}`;
}

/** Rounds without float noise: 0.466999999999999 at 2 digits is 0.47, and 1.005 stays 1.01 (as written, not as stored). */
export function round(value: number, digits: number): number {
  const rounded = Number(`${Math.round(Number(`${value}e${digits}`))}e-${digits}`);
  return Number.isFinite(rounded) ? rounded : Number(value.toFixed(digits));
}

function convert(value: Value, spec: ColumnConversion, where: () => string): string | number | null {
  if (value === null || value === '') return null;
  if (spec.date) {
    const date = typeof value === 'number' ? new Date(Date.UTC(value, 0, 1)) : readDate(String(value).trim());
    if (!date) throw new SourceFormatError(`${where()}: expected a date such as 2024-03 or "1976 January", found ${JSON.stringify(value)}`);
    return formatDate(date, spec.date);
  }
  if (spec.scale === undefined && spec.digits === undefined) return typeof value === 'boolean' ? String(value) : value;
  const number = typeof value === 'number' ? value : readNumber(String(value).trim());
  if (number === undefined) throw new SourceFormatError(`${where()}: expected a number to convert, found ${JSON.stringify(value)}`);
  const scaled = spec.scale === undefined ? number : number * spec.scale;
  return spec.digits === undefined ? round(scaled, Math.max(0, 12 - Math.floor(Math.log10(Math.abs(scaled) || 1)))) : round(scaled, spec.digits);
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The source table shaped as the loader asks, ready to be written as CSV. */
export function shape(table: SourceTable, loader: LoaderSpec): OutputTable {
  let rows = loader.where ? filter(table, loader.where) : table.rows;
  let columns = table.columns;
  if (loader.melt) ({ rows, columns } = melt(rows, columns, loader.melt));
  const specs = Object.entries(loader.columns);
  for (const [name, spec] of specs) if (!columns.includes(spec.from)) throw missingColumn(spec.from, columns, `columns.${name}`);
  let out = rows.map((row, i) =>
    Object.fromEntries(specs.map(([name, spec]) => [name, convert(row[spec.from] ?? null, spec, () => `source row ${i + 1}, column "${spec.from}"`)])),
  );
  const required = loader.required ?? [];
  if (required.length) out = out.filter((row) => required.every((c) => row[c] !== null && row[c] !== ''));
  const sort = loader.sort ?? [];
  if (sort.length)
    out = out
      .map((row, i) => ({ row, i }))
      .sort((a, b) => sort.reduce((d, c) => d || compare(a.row[c]!, b.row[c]!), 0) || a.i - b.i)
      .map((x) => x.row);
  return { columns: specs.map(([name]) => name), rows: out };
}
