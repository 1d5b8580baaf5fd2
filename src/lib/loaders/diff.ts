// What a run changed in a dataset, row by row on its key columns: "12 rows added, 3 values revised".
// Cells are compared as written in the CSV, so a figure rounded differently counts as revised.
import { parseCsv } from '../datasets/csv.ts';

export interface Revision {
  /** The row's key, as `quarter=2024 Q1, company=Meta`. */
  key: string;
  column: string;
  from: string;
  to: string;
}

export interface DatasetDiff {
  added: number;
  removed: number;
  revised: number;
  /** The first few revisions, for the report. */
  revisions: Revision[];
  columnsAdded: string[];
  columnsRemoved: string[];
}

interface Keyed {
  header: string[];
  rows: Map<string, Record<string, string>>;
}

function keyed(csv: string, key: readonly string[], file: string): Keyed {
  const { header, records } = parseCsv(csv, file);
  const rows = new Map<string, Record<string, string>>();
  for (const { cells } of records) {
    if (cells.every((c) => !c.trim())) continue;
    const row = Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
    const id = key.map((k) => `${k}=${row[k] ?? ''}`).join(', ');
    // A duplicate key in the old file is kept apart rather than silently merged.
    rows.set(rows.has(id) ? `${id} #${rows.size}` : id, row);
  }
  return { header, rows };
}

/** Duplicated keys in the new CSV: a key that does not identify rows would make the report meaningless. */
export function duplicateKeys(csv: string, key: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  const { header, records } = parseCsv(csv, 'output');
  for (const { cells } of records) {
    const id = key.map((k) => `${k}=${cells[header.indexOf(k)] ?? ''}`).join(', ');
    if (seen.has(id)) dupes.add(id);
    seen.add(id);
  }
  return [...dupes];
}

export function diffCsv(before: string | undefined, after: string, key: readonly string[], file = 'csv'): DatasetDiff {
  const next = keyed(after, key, file);
  if (before === undefined) return { added: next.rows.size, removed: 0, revised: 0, revisions: [], columnsAdded: [], columnsRemoved: [] };
  const prev = keyed(before, key, file);
  const common = next.header.filter((h) => prev.header.includes(h) && !key.includes(h));
  const diff: DatasetDiff = {
    added: 0,
    removed: 0,
    revised: 0,
    revisions: [],
    columnsAdded: next.header.filter((h) => !prev.header.includes(h)),
    columnsRemoved: prev.header.filter((h) => !next.header.includes(h)),
  };
  for (const [id, row] of next.rows) {
    const old = prev.rows.get(id);
    if (!old) {
      diff.added++;
      continue;
    }
    for (const column of common) {
      if ((old[column] ?? '') === (row[column] ?? '')) continue;
      diff.revised++;
      if (diff.revisions.length < 5) diff.revisions.push({ key: id, column, from: old[column] ?? '', to: row[column] ?? '' });
    }
  }
  for (const id of prev.rows.keys()) if (!next.rows.has(id)) diff.removed++;
  return diff;
}

const count = (n: number, what: string, verb: string) => `${n} ${what}${n === 1 ? '' : 's'} ${verb}`;

/** "12 rows added, 3 values revised", or "no change in the figures" when only the file's form changed. */
export function summarize(diff: DatasetDiff): string {
  const parts: string[] = [];
  if (diff.added) parts.push(count(diff.added, 'row', 'added'));
  if (diff.removed) parts.push(count(diff.removed, 'row', 'removed'));
  if (diff.revised) parts.push(count(diff.revised, 'value', 'revised'));
  if (diff.columnsAdded.length) parts.push(`columns added: ${diff.columnsAdded.join(', ')}`);
  if (diff.columnsRemoved.length) parts.push(`columns removed: ${diff.columnsRemoved.join(', ')}`);
  return parts.length ? parts.join(', ') : "no change in the figures (the file was rewritten in the loader's form)";
}
