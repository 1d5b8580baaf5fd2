// A CSV file at a URL: the header row names the columns, `skipRows` drops rows after it (a row of
// units), and blank cells or the `missing` markers are empty. csv-parse reads it (quotes, line
// breaks in fields, BOM, CRLF or CR-only lines), as it reads the committed datasets.
import { parseCsv } from '../../datasets/csv.ts';
import { DatasetError } from '../../datasets/errors.ts';
import { SourceFormatError, type SourceTable } from '../table.ts';
import type { Connector } from './context.ts';

/** CSV text as a source table; `url` names it in messages. */
export function readCsvSource(
  text: string,
  url: string,
  options: { skipRows?: number | undefined; missing?: readonly string[] | undefined } = {},
): SourceTable {
  let table;
  try {
    table = parseCsv(text, url);
  } catch (error) {
    if (error instanceof DatasetError) throw new SourceFormatError(error.problems[0]!.replace(`${url}: `, ''));
    throw error;
  }
  const missing = new Set(options.missing ?? []);
  const columns = table.header;
  if (!columns.some(Boolean)) throw new SourceFormatError('not a CSV with a header row');
  const rows = table.records.slice(options.skipRows ?? 0).flatMap(({ cells }) => {
    if (cells.every((c) => !c.trim())) return [];
    return [
      Object.fromEntries(
        columns.map((c, i) => {
          const text = (cells[i] ?? '').trim();
          return [c, text === '' || missing.has(text) ? null : text];
        }),
      ),
    ];
  });
  return { columns, rows, url };
}

export const csvConnector: Connector = async (loader, { http }) => {
  const response = await http(loader.url!);
  return readCsvSource(response.text(), response.url, loader);
};
