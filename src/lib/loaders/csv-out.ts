// An output table as the committed CSV: a header, LF line endings, a final newline, fields quoted
// only when they must be (RFC 4180), numbers in their shortest exact form. The same table always
// gives the same bytes, so a run with nothing new changes nothing.
import { createHash } from 'node:crypto';
import type { OutputTable } from './table.ts';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: OutputTable): string {
  const lines = [table.columns.map(field).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => field(row[c] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}

/** The hash the meta records: `sha256:` and the hex digest of the CSV's bytes. */
export function csvHash(csv: string): string {
  return `sha256:${createHash('sha256').update(csv).digest('hex')}`;
}
