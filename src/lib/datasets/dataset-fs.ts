// Reading datasets from content/data/: <name>.csv with its <name>.meta.yaml. Parsed datasets are
// cached per process and re-read when either file changes, since one essay may embed a dataset
// many times and the dev server keeps running while authors edit.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { suggest } from '../errors/suggest.ts';
import { addLines } from '../errors/yaml-lines.ts';
import { buildDataset, type Dataset } from './dataset.ts';
import type { DatasetLookup } from './embed.ts';
import { DatasetError, EmbedError } from './errors.ts';
import { readMeta } from './meta.ts';

export const DATA_DIR = 'content/data';

export interface ReadOptions {
  /** Folder holding the datasets, relative to `root`; default content/data. */
  dir?: string;
  /** Project root; default the current working directory. */
  root?: string;
}

const cache = new Map<string, { stamp: string; dataset: Dataset; warnings: string[] }>();

/** Names of every dataset: CSV files in the folder, sorted. */
export function listDatasetNames({ dir = DATA_DIR, root = process.cwd() }: ReadOptions = {}): string[] {
  const full = path.resolve(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function readDataset(name: string, options: ReadOptions = {}): Dataset {
  return loadDataset(name, options).dataset;
}

/** The dataset with the warnings its meta file raised (things that load but are probably a mistake). */
export function loadDataset(name: string, { dir = DATA_DIR, root = process.cwd() }: ReadOptions = {}): { dataset: Dataset; warnings: string[] } {
  const file = `${dir}/${name}.csv`;
  const metaFile = `${dir}/${name}.meta.yaml`;
  const csvPath = path.resolve(root, file);
  const metaPath = path.resolve(root, metaFile);
  if (!existsSync(csvPath)) {
    const names = listDatasetNames({ dir, root });
    const hint = suggest(name, names);
    throw new EmbedError(
      `unknown dataset "${name}": no file ${file}` + (hint ? `; did you mean "${hint}"?` : '.') + ` Datasets: ${names.join(', ') || '(none)'}`,
    );
  }
  if (!existsSync(metaPath)) {
    throw new DatasetError(`${metaFile}: missing: every dataset needs a meta file beside its CSV`, {
      hint: `create ${metaFile} with title, description, source (or illustrative: true), license, retrieved and columns`,
    });
  }
  const stamp = `${statSync(csvPath).mtimeMs}:${statSync(metaPath).mtimeMs}`;
  const hit = cache.get(csvPath);
  if (hit && hit.stamp === stamp) return { dataset: hit.dataset, warnings: hit.warnings };
  const { meta, warnings, lines } = readMeta(readFileSync(metaPath, 'utf8'), metaFile);
  let dataset: Dataset;
  try {
    dataset = buildDataset({ name, csv: readFileSync(csvPath, 'utf8'), file, meta, metaFile });
  } catch (error) {
    // The check of the meta against the CSV header names `columns.x` but not its line: add it.
    if (!(error instanceof DatasetError)) throw error;
    throw new DatasetError(addLines(error.problems, metaFile, lines), { hint: error.hint, cause: error.cause });
  }
  cache.set(csvPath, { stamp, dataset, warnings });
  return { dataset, warnings };
}

/** Every dataset in the folder; the first bad one stops the build with its message. */
export function readDatasets(options: ReadOptions = {}): Dataset[] {
  return listDatasetNames(options).map((name) => readDataset(name, options));
}

/** The CSV exactly as committed, for /data/<name>.csv. */
export function readDatasetCsv(name: string, { dir = DATA_DIR, root = process.cwd() }: ReadOptions = {}): string {
  return readFileSync(path.resolve(root, dir, `${name}.csv`), 'utf8');
}

/** The lookup embeds use: names from the folder, datasets read (and cached) on demand. */
export function fsLookup(options: ReadOptions = {}): DatasetLookup {
  return { names: () => listDatasetNames(options), load: (name) => readDataset(name, options) };
}

/** A hash of every dataset's CSV and meta as committed: pages that embed data are stale when it changes. */
export function datasetsDigest({ dir = DATA_DIR, root = process.cwd() }: ReadOptions = {}): string {
  const hash = createHash('sha256');
  const full = path.resolve(root, dir);
  if (!existsSync(full)) return 'none';
  for (const name of readdirSync(full).sort())
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(path.join(full, name)))
      .update('\0');
  return hash.digest('hex').slice(0, 32);
}
