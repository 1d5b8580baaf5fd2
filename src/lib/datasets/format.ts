// Display formats: d3-format specifiers for numbers (",.1f", "$,.0f", ".2s") and d3-time-format
// for dates ("%Y", "%b %Y", "%Y Q%q"), the two languages chart authors already know from Observable
// and Vega. A specifier that does not parse is reported, never silently ignored.
import { format as d3Format } from 'd3-format';
import { utcFormat } from 'd3-time-format';
import type { Cell, Column } from './cells.ts';

export type Formatter = (value: Cell) => string;

const NUMBER_SPEC = /^(?:.?[<>=^])?[+\-( ]?[$#]?0?\d*,?(?:\.\d+)?~?([a-z%])?$/i;
const NUMBER_TYPES = ['e', 'f', 'g', 'r', 's', '%', 'p', 'b', 'o', 'd', 'x', 'X', 'c', 'n'];
const TIME_DIRECTIVE = /%[-_0]?([aAbBcdefgGHIjLmMpqQsSuUVwWxXyYZ%])|%/g;

/** Why `spec` is not a valid format for a column of this type, or undefined when it is fine. */
export function formatProblem(spec: string, type: Column['type']): string | undefined {
  if (type === 'date') {
    for (const m of spec.matchAll(TIME_DIRECTIVE)) {
      if (!m[1]) return `"${spec}" is not a date format: unknown directive at "${spec.slice(m.index, m.index + 2)}"`;
    }
    return spec.includes('%') ? undefined : `"${spec}" is not a date format: it has no %-directive such as %Y or %b`;
  }
  if (type === 'number' || type === 'integer' || type === 'percent') {
    // d3-format quietly reads an unknown type letter as "g"; an author's typo should fail instead.
    const m = NUMBER_SPEC.exec(spec);
    if (!m) return `"${spec}" is not a number format`;
    if (m[1] && !NUMBER_TYPES.includes(m[1])) return `"${spec}" is not a number format: unknown type "${m[1]}" (use one of ${NUMBER_TYPES.join(' ')})`;
    return undefined;
  }
  return `"${spec}" cannot format a text column`;
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const tenths = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A number as a careful writer would: 1,234 / 56.7 / 0.78, no trailing zeros. */
export function defaultNumber(n: number): string {
  const a = Math.abs(n);
  return (a >= 100 ? whole : a >= 10 ? tenths : plain).format(n);
}

/** The coarsest date format that still tells every value apart: years, quarters, months or days. */
export function defaultDateFormat(dates: readonly Date[]): string {
  if (dates.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1)) return '%Y';
  if (dates.every((d) => d.getUTCDate() === 1)) return dates.every((d) => d.getUTCMonth() % 3 === 0) ? '%Y Q%q' : '%b %Y';
  return '%Y-%m-%d';
}

export function withUnit(text: string, unit: string | undefined): string {
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

export interface FormatterOptions {
  /** Specifier from the embed (xFormat/yFormat), else the column's meta format, else a default. */
  spec?: string | undefined;
  /** Append the column's unit (tables, labels, metrics) or not (axis ticks, where the axis label has it). */
  unit?: boolean;
  /** Values the format must tell apart, for the default date format. */
  values?: readonly Cell[];
}

/** A formatter for a column's values; assumes the spec was checked with formatProblem. */
export function formatter(column: Column, { spec = column.format, unit = true, values = [] }: FormatterOptions = {}): Formatter {
  if (column.type === 'date') {
    const f = utcFormat(spec ?? defaultDateFormat(values.filter((v): v is Date => v instanceof Date)));
    return (v) => (v instanceof Date ? f(v) : v === null ? '' : String(v));
  }
  if (column.type === 'string') return (v) => (v === null ? '' : String(v));
  const f = spec ? d3Format(spec) : defaultNumber;
  const suffix = unit && !(spec && /[%$]/.test(spec)) ? column.unit : undefined;
  return (v) => (typeof v === 'number' ? withUnit(f(v), suffix) : v === null ? '' : String(v));
}
