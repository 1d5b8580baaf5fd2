// Reading one CSV cell as its declared column type. Each reader returns `undefined` when the text
// is not of that type, so the caller can report the row and column; blanks never reach here.
import type { ColumnType } from '../schema/column-type.ts';

export type Cell = number | string | Date | null;

export interface Column {
  name: string;
  type: ColumnType;
  /** Label for axes and tables: the meta's label, else the header name. */
  label: string;
  unit?: string | undefined;
  format?: string | undefined;
}

/** A cell as a comparable key: dates by their ISO text, so equal dates match. */
export function cellKey(value: Cell): string {
  return value instanceof Date ? value.toISOString() : String(value ?? '');
}

// 1234.5, -3, +0.5, 3.6912e+16, and thousands separators written the English way: 45,000 or 1,234.56.
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function readNumber(text: string): number | undefined {
  if (!NUMBER.test(text) || !/\d/.test(text)) return undefined;
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) ? value : undefined;
}

export function readInteger(text: string): number | undefined {
  const value = readNumber(text);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** "61%", "0.78 %" or a bare 61, all stored in percentage points (61, 0.78). */
export function readPercent(text: string): number | undefined {
  return readNumber(text.endsWith('%') ? text.slice(0, -1).trimEnd() : text);
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const QUARTER = /^(?:(\d{4})[ -]?Q([1-4])|Q([1-4])[ -]?(\d{4}))$/i;
const YEAR_MONTH = /^(\d{4})[ -]([A-Za-z]{3,9})\.?$/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?[ -](\d{4})$/;

function utc(year: number, month: number, day: number): Date | undefined {
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCMonth() === month && d.getUTCDate() === day ? d : undefined;
}

function month(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((full) => full === lower || full.slice(0, 3) === lower || (lower === 'sept' && full === 'september'));
  return index >= 0 ? index : undefined;
}

/** A date in UTC: 2024, 2024-03, 2024-03-31, 2024-03-31T12:00Z, 2024 Q1, Q1 2024, 2024 March, March 2024. */
export function readDate(text: string): Date | undefined {
  let m = ISO.exec(text);
  if (m) return utc(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  if (ISO_TIME.test(text)) {
    const d = new Date(text.replace(' ', 'T'));
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  if ((m = QUARTER.exec(text))) return utc(Number(m[1] ?? m[4]), (Number(m[2] ?? m[3]) - 1) * 3, 1);
  if ((m = YEAR_MONTH.exec(text))) {
    const index = month(m[2]!);
    return index === undefined ? undefined : utc(Number(m[1]), index, 1);
  }
  if ((m = MONTH_YEAR.exec(text))) {
    const index = month(m[1]!);
    return index === undefined ? undefined : utc(Number(m[2]), index, 1);
  }
  return undefined;
}

export function readCell(text: string, type: ColumnType): Cell | undefined {
  switch (type) {
    case 'number':
      return readNumber(text);
    case 'integer':
      return readInteger(text);
    case 'percent':
      return readPercent(text);
    case 'date':
      return readDate(text);
    case 'string':
      return text;
  }
}
