// Where a dataset's figures come from, as the chart footer, the feed caption and /data/ print it:
// the retrieval day, how many rows are derived rather than reported (a `derived` column, as the EDGAR
// loader writes for quarters got by subtraction), and the loader that regenerates the file.
import type { Dataset } from './dataset.ts';

export interface Provenance {
  retrieved: string;
  /** Rows whose `derived` cell is set; 0 when the dataset has no such column. */
  derived: number;
  rows: number;
  /** The connector `npm run data` uses, when the dataset has a loader. */
  loader: string | undefined;
}

const truthy = (v: unknown) => v === true || (typeof v === 'string' && /^(true|yes|derived|1)$/i.test(v.trim())) || v === 1;

export function provenance(dataset: Dataset): Provenance {
  const hasDerived = dataset.columns.some((c) => c.name === 'derived');
  const meta = dataset.meta as { retrieved: Date; loader?: { connector?: string } };
  return {
    retrieved: meta.retrieved.toISOString().slice(0, 10),
    derived: hasDerived ? dataset.rows.filter((r) => truthy(r.derived)).length : 0,
    rows: dataset.rows.length,
    loader: meta.loader?.connector,
  };
}

/** "Retrieved 2026-11-20; 12 of 40 figures derived." for a footer. */
export function provenanceLine(p: Provenance): string {
  return `Retrieved ${p.retrieved}.` + (p.derived ? ` ${p.derived} of ${p.rows} rows derived (see the derived column).` : '');
}
