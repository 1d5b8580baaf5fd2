// Our World in Data grapher CSVs. A chart's download (ourworldindata.org/grapher/<chart>.csv) has
// the columns Entity, Code, Year (or Day) and one column per indicator; the older grapher import
// files in OWID's repositories have Country and Year. Either way the entity column is where
// `entities` looks, and a requested entity the file no longer has is an error that names it.
import { didYouMean } from '../../errors/suggest.ts';
import { SourceFormatError } from '../table.ts';
import type { Connector } from './context.ts';
import { readCsvSource } from './csv.ts';

export const owidConnector: Connector = async (loader, { http }) => {
  const response = await http(loader.url!);
  const table = readCsvSource(response.text(), response.url, { missing: loader.missing });
  const entity = ['Entity', 'Country'].find((c) => table.columns.includes(c));
  const time = ['Year', 'Day'].find((c) => table.columns.includes(c));
  if (!entity || !time) {
    throw new SourceFormatError(
      `not an OWID grapher CSV: expected the columns Entity (or Country) and Year (or Day), found ${table.columns.slice(0, 8).join(', ')}`,
    );
  }
  if (!loader.entities) return table;
  const have = [...new Set(table.rows.map((r) => String(r[entity])))];
  const wanted = new Set(loader.entities);
  for (const name of wanted) {
    if (!have.includes(name))
      throw new SourceFormatError(`no rows for the entity "${name}" (loader.entities)${didYouMean(name, have)} The file has ${have.length} entities`);
  }
  return { ...table, rows: table.rows.filter((r) => wanted.has(String(r[entity]))) };
};
