// A dataset from its CSV and meta texts: columns typed as the meta declares, blanks and missing-value
// markers read as null, and every bad cell reported as `file: row N, column "c": expected T, found "x"`.
import type { ColumnType, DatasetMeta } from '../schema/dataset.ts';
import { suggest } from '../errors/suggest.ts';
import { readCell, type Cell, type Column } from './cells.ts';
import { parseCsv, where, type CsvTable } from './csv.ts';
import { DatasetError } from './errors.ts';

export type { Cell };
export type Row = Record<string, Cell>;

export type { Column };

export interface Dataset {
  /** File name without extension: content/data/<name>.csv. */
  name: string;
  /** Paths used in messages, relative to the project root. */
  file: string;
  metaFile: string;
  meta: DatasetMeta;
  columns: Column[];
  rows: Row[];
}

export interface DatasetSource {
  name: string;
  csv: string;
  file: string;
  meta: DatasetMeta;
  metaFile: string;
}

function columnsOf(table: CsvTable, src: DatasetSource): Column[] {
  const { header } = table;
  const problems: string[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name && seen.has(name)) problems.push(`${src.file}: row 1, column ${i + 1}: duplicate column name "${name}"`);
    const blank = table.records.every((r) => !r.cells[i]?.trim());
    if (!name && !blank) problems.push(`${src.file}: row 1, column ${i + 1}: the header is empty but the column has values`);
    seen.add(name);
  });
  const named = header.filter(Boolean);
  for (const name of Object.keys(src.meta.columns)) {
    if (seen.has(name)) continue;
    const hint = suggest(name, named);
    problems.push(
      `${src.metaFile}: columns.${name}: no column "${name}" in ${src.file}` + (hint ? `; did you mean "${hint}"?` : '.') + ` Columns: ${named.join(', ')}`,
    );
  }
  if (problems.length) throw new DatasetError(problems, { hint: 'column names in the meta must match the CSV header exactly' });
  return header.map((name) => {
    const declared = src.meta.columns[name];
    const type = declared?.type ?? 'string';
    return { name, type, label: declared?.label ?? name, unit: declared?.unit ?? (type === 'percent' ? '%' : undefined), format: declared?.format };
  });
}

// Values that usually stand for "no value" in published tables.
const MARKER = /^(?:n\/?a|none|null|nil|not available|not applicable|unknown|tbd|tba|x|-+|\.+|\?+|[+-]?inf(?:inity)?|nan)$/i;

function hintFor(found: string, type: ColumnType, metaFile: string): string {
  if (MARKER.test(found)) {
    return `if ${JSON.stringify(found)} means "no value", declare it in ${metaFile}: missing: [${JSON.stringify(found)}]`;
  }
  const unit = /^[+-]?[\d,.]+\s*([^\d\s,.][^\d]*)$/.exec(found)?.[1];
  if (unit && type !== 'string') {
    return `the values carry a unit ("${unit}"): write the bare number in the CSV and declare \`unit: ${unit}\` for the column in ${metaFile}`;
  }
  if (type === 'date') return 'write dates as 2024-03-31, 2024-03, 2024, 2024 Q1 or March 2024';
  if (type === 'string') return '';
  return `write plain ${type === 'integer' ? 'whole numbers' : 'numbers'} without units or currency signs (45000 or 45,000, not "45,000 km"), or declare the column as type: string`;
}

export function buildDataset(src: DatasetSource): Dataset {
  const table = parseCsv(src.csv, src.file);
  const columns = columnsOf(table, src);
  const missing = new Set(src.meta.missing);
  const problems: string[] = [];
  let hint = '';
  const rows: Row[] = [];
  for (const record of table.records.slice(src.meta.skipRows)) {
    const { cells } = record;
    if (cells.every((c) => !c.trim())) continue;
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim())) {
      problems.push(`${src.file}: ${where(record)}: expected ${columns.length} cells, found ${cells.length}`);
      continue;
    }
    const row: Row = {};
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      if (!column.name) continue;
      const text = (cells[i] ?? '').trim();
      if (text === '' || missing.has(text)) {
        row[column.name] = null;
        continue;
      }
      const value = readCell(text, column.type);
      if (value === undefined) {
        problems.push(`${src.file}: ${where(record)}, column "${column.name}": expected ${column.type}, found ${JSON.stringify(text)}`);
        hint ||= hintFor(text, column.type, src.metaFile);
      }
      row[column.name] = value ?? null;
    }
    rows.push(row);
  }
  if (problems.length) throw new DatasetError(problems, hint ? { hint } : {});
  return { name: src.name, file: src.file, metaFile: src.metaFile, meta: src.meta, columns: columns.filter((c) => c.name), rows };
}
