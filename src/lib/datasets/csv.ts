// CSV text to a header and records, with the row and line numbers an author needs to find a cell.
// csv-parse does the hard parts (quotes, commas and line breaks in fields, BOM, CRLF and CR-only
// endings); this module only numbers the records and turns parser failures into a DatasetError.
import { parse } from 'csv-parse/sync';
import { DatasetError } from './errors.ts';

export interface CsvRecord {
  /** 1-based record number as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** 1-based line where the record starts in the file (differs from row after a quoted line break). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function parseCsv(text: string, file: string): CsvTable {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, { bom: true, relax_column_count: true, info: true, skip_empty_lines: false }) as unknown as ParsedRecord[];
  } catch (cause) {
    const opened = unclosedQuoteLine(text);
    // csv-parse names the line where it gave up (the end of the file); the author needs the line where the quote opened.
    const reason =
      opened !== undefined
        ? `a quoted field opened on line ${opened} is never closed, so everything after it was read as one cell`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    throw new DatasetError(`${file}: not a readable CSV: ${reason}`, {
      hint: 'check for an unclosed double quote: a quote inside a quoted field is written twice ("")',
      cause,
    });
  }
  if (parsed.length === 0) throw new DatasetError(`${file}: the file is empty: expected a header row`);
  const records: CsvRecord[] = [];
  let nextLine = 1;
  parsed.forEach(({ record, info }, index) => {
    records.push({ row: index + 1, line: nextLine, cells: record });
    nextLine = info.lines + 1;
  });
  const [first, ...rest] = records;
  return { header: first!.cells.map((name) => name.trim()), records: rest };
}

/**
 * The 1-based line on which the last quoted field still open at the end of `text` began, or
 * undefined when every quote closes. A quote opens a field only at its start (after a comma or a
 * line break); inside a quoted field "" is a literal quote.
 */
export function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedAt: number | undefined;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (openedAt !== undefined) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else openedAt = undefined;
      } else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && fieldStart) openedAt = line;
    else if (c === '\n') line++;
    fieldStart = c === ',' || c === '\n' || (c === '\r' && text[i + 1] !== '\n');
  }
  return openedAt;
}

/** "row 11", or "row 11 (line 14)" once quoted line breaks have pulled rows and lines apart. */
export function where(record: Pick<CsvRecord, 'row' | 'line'>): string {
  return record.row === record.line ? `row ${record.row}` : `row ${record.row} (line ${record.line})`;
}
