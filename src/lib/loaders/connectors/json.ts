// A JSON document at a URL holding an array of records, found at `path` ("response.data"). Each
// record's keys are columns, in the order they first appear; a nested value is kept as its JSON text.
import { SourceFormatError, type SourceRow, type SourceTable, type Value } from '../table.ts';
import type { Connector } from './context.ts';

function at(document: unknown, path: string | undefined): unknown {
  if (!path) return document;
  let value = document;
  const walked: string[] = [];
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) {
      const keys = value !== null && typeof value === 'object' ? Object.keys(value).join(', ') : typeof value;
      throw new SourceFormatError(
        `no "${key}" at ${walked.length ? walked.join('.') : 'the top'} of the document (loader.path: ${path}); found: ${keys || 'nothing'}`,
      );
    }
    walked.push(key);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Records as a source table: `missing` markers and null are empty. */
export function readRecords(records: unknown, url: string, missing: readonly string[] = [], where = 'the document'): SourceTable {
  if (!Array.isArray(records)) throw new SourceFormatError(`expected a list of records at ${where}, found ${records === null ? 'null' : typeof records}`);
  const columns: string[] = [];
  const seen = new Set<string>();
  const markers = new Set(missing);
  const rows: SourceRow[] = records.map((record, i) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new SourceFormatError(`record ${i + 1} at ${where} is not an object`);
    const row: SourceRow = {};
    for (const [key, raw] of Object.entries(record as Record<string, unknown>)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
      const value: Value = raw === null || raw === undefined ? null : typeof raw === 'object' ? JSON.stringify(raw) : (raw as Value);
      row[key] = typeof value === 'string' && markers.has(value.trim()) ? null : value;
    }
    return row;
  });
  for (const row of rows) for (const c of columns) row[c] ??= null;
  return { columns, rows, url };
}

export const jsonConnector: Connector = async (loader, { http }) => {
  const response = await http(loader.url!);
  let document: unknown;
  try {
    document = JSON.parse(response.text());
  } catch (cause) {
    throw new SourceFormatError(`not valid JSON: ${(cause as Error).message}`);
  }
  return readRecords(at(document, loader.path), response.url, loader.missing, loader.path ?? 'the document');
};
