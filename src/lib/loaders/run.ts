// One dataset's loader, from its meta and CSV texts to what should be written: fetch through the
// connector, shape, write the CSV text, check it against the meta (the same check a build does),
// and say what changed. Nothing here touches the disk: ./run-fs.ts writes, or does not. A failure
// at any step is an outcome naming the dataset, the URL and the reason, and comes with no new text,
// so the committed CSV cannot be replaced by a half-fetched or malformed one.
import { buildDataset } from '../datasets/dataset.ts';
import { DatasetError } from '../datasets/errors.ts';
import { readMeta } from '../datasets/meta.ts';
import { FetchError } from '../feeds/errors.ts';
import type { DatasetMeta } from '../schema/dataset.ts';
import { CONNECTOR } from './connectors/index.ts';
import type { ConnectorContext } from './connectors/context.ts';
import { companyFactsUrl, EDGAR_DOCS } from './connectors/edgar.ts';
import { eiaUrl } from './connectors/eia.ts';
import { csvHash, toCsv } from './csv-out.ts';
import { diffCsv, duplicateKeys, summarize, type DatasetDiff } from './diff.ts';
import type { LoaderSpec } from './loader-schema.ts';
import { editMeta } from './meta-edit.ts';
import { SourceFormatError } from './table.ts';
import { shape } from './transform.ts';

export interface DatasetTexts {
  name: string;
  /** Paths as messages show them: content/data/<name>.meta.yaml and .csv. */
  metaFile: string;
  csvFile: string;
  metaText: string;
  /** The committed CSV; undefined when there is none yet. */
  csvText: string | undefined;
}

interface Common {
  name: string;
  /** Problems that did not stop the run: missing quarters, restatements, an API's warnings, a hand edit. */
  warnings: string[];
}

export type Outcome =
  | (Common & { status: 'no-loader' })
  | (Common & { status: 'unchanged'; url: string; rows: number })
  | (Common & { status: 'updated'; url: string; rows: number; summary: string; diff: DatasetDiff; csv: string | undefined; meta: string | undefined })
  | (Common & { status: 'failed'; url: string | undefined; reason: string; /** No server was reached (DNS, refused, no route). */ network?: boolean });

export interface RunOptions {
  context: ConnectorContext;
  /** Today as YYYY-MM-DD, written as `retrieved` when the figures change. */
  today: string;
}

/** The URL a loader reads, for messages before the connector has said which it read. */
export function loaderUrl(loader: LoaderSpec): string | undefined {
  if (loader.connector === 'eia') return eiaUrl(loader);
  if (loader.connector === 'edgar') return loader.companies?.length === 1 ? companyFactsUrl(loader.companies[0]!.cik, loader.base) : EDGAR_DOCS;
  return loader.url;
}

/** The CSV columns that identify a row: the loader's `key`, else the meta's date, string and integer columns. */
export function keyColumns(loader: LoaderSpec, meta: DatasetMeta, columns: readonly string[]): string[] {
  if (loader.key) return loader.key;
  const key = columns.filter((c) => ['date', 'string', 'integer'].includes(meta.columns[c]?.type ?? (c in meta.columns ? '' : 'string')));
  return key.length ? key : [...columns];
}

function reasonOf(error: unknown): { url?: string | undefined; reason: string; network?: boolean } {
  if (error instanceof FetchError) {
    const reason = error.message.slice(error.message.indexOf('": ') + 3);
    const wait = error.retryAfterMs === undefined ? '' : `; the server asks to wait ${Math.ceil(error.retryAfterMs / 1000)} s: run again later`;
    return { url: error.url, reason: `${reason}${wait}`, network: error.network };
  }
  if (error instanceof SourceFormatError) return { url: error.url, reason: error.message };
  if (error instanceof DatasetError) return { reason: error.problems.join('; ') };
  throw error;
}

export async function runLoader(files: DatasetTexts, { context, today }: RunOptions): Promise<Outcome> {
  const { name } = files;
  const warnings: string[] = [];
  let meta: DatasetMeta;
  try {
    meta = readMeta(files.metaText, files.metaFile).meta;
  } catch (error) {
    return { name, status: 'failed', url: undefined, reason: reasonOf(error).reason, warnings };
  }
  const loader = meta.loader;
  if (!loader) return { name, status: 'no-loader', warnings };
  let url = loaderUrl(loader);
  const fail = (error: unknown): Outcome => {
    const { url: at, reason, network } = reasonOf(error);
    return { name, status: 'failed', url: at ?? url, reason, warnings, ...(network ? { network } : {}) };
  };

  let csv: string;
  let rows: number;
  let key: string[];
  try {
    const table = await CONNECTOR[loader.connector](loader, context);
    url = table.url;
    warnings.push(...(table.warnings ?? []));
    const output = shape(table, loader);
    if (!output.rows.length) throw new SourceFormatError('the loader kept no rows: check loader.where, loader.entities and loader.required');
    csv = toCsv(output);
    rows = output.rows.length;
    key = keyColumns(loader, meta, output.columns);
    const dupes = duplicateKeys(csv, key);
    if (dupes.length)
      throw new SourceFormatError(`${dupes.length} rows share a key (${dupes[0]}): add the column that tells them apart to loader.key (now ${key.join(', ')})`);
  } catch (error) {
    return fail(error);
  }

  if (files.csvText !== undefined && meta.hash && csvHash(files.csvText) !== meta.hash) {
    warnings.push(`${files.csvFile} was edited since the loader last wrote it (its hash is not the meta's): the loader's figures replace the edit`);
  }
  const csvChanged = csv !== files.csvText;
  const metaText = editMeta(files.metaText, {
    url,
    hash: csvHash(csv),
    ...(csvChanged ? { retrieved: today } : {}),
    ...(meta.illustrative && loader.provenance ? { provenance: loader.provenance } : {}),
  });
  // The same checks a build makes, before anything is written.
  try {
    const next = readMeta(metaText, files.metaFile).meta;
    buildDataset({ name, csv, file: files.csvFile, meta: next, metaFile: files.metaFile });
  } catch (error) {
    const { reason } = reasonOf(error);
    return { name, status: 'failed', url, reason: `the new figures do not fit the meta: ${reason}`, warnings };
  }
  if (!csvChanged && metaText === files.metaText) return { name, status: 'unchanged', url, rows, warnings };
  const diff = diffCsv(files.csvText, csv, key, files.csvFile);
  const summary =
    files.csvText === undefined ? `${rows} rows (a new file)` : csvChanged ? summarize(diff) : 'figures unchanged; the meta was brought up to date';
  return {
    name,
    status: 'updated',
    url,
    rows,
    summary,
    diff,
    csv: csvChanged ? csv : undefined,
    meta: metaText === files.metaText ? undefined : metaText,
    warnings,
  };
}
